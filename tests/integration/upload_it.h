/* What the upload tests share (it_attach.c, it_form_files.c): the smallest
 * files a content sniffer takes for a PDF and a PNG, and a count of the
 * files the server's blob store holds. Include after dossier_it.h. */
#ifndef MC_IT_UPLOAD_H
#define MC_IT_UPLOAD_H

#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "dossier_it.h"

__attribute__((unused)) static const char pdf_bytes[] = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n"
                                                        "trailer<</Root 1 0 R>>\n%%EOF\n";
/* PNG: signature + IHDR of a 1x1 image; the rest does not matter to a sniffer. */
__attribute__((unused)) static const unsigned char png_bytes[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0,    13,   'I',  'H',  'D', 'R', 0, 0, 0,
    1,    0,   0,   0,   1,    8,    6,    0,    0, 0, 0x1f, 0x15, 0xc4, 0x89, 0,   0,   0, 0
};

/* Regular files under dir, recursively. */
static inline long it_count_files(const char *dir)
{
    DIR *d = opendir(dir);
    if (d == NULL) {
        return 0;
    }
    long n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            continue;
        }
        char path[1024];
        if (snprintf(path, sizeof(path), "%s/%s", dir, e->d_name) >= (int)sizeof(path)) {
            continue; /* deeper than any store path */
        }
        struct stat sb;
        if (lstat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
            n += it_count_files(path);
        } else if (S_ISREG(sb.st_mode)) {
            n++;
        }
    }
    closedir(d);
    return n;
}

/* Regular files under <db dir>/files (temporary files included). */
static inline long store_files(void)
{
    char dir[400];
    snprintf(dir, sizeof(dir), "%s/files", dit_srv.dir);
    return it_count_files(dir);
}

#endif
