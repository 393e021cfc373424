# Warning set for our own code (conventions.md 2.13). Tests get the same
# set minus -Wconversion.
#
# -Wno-overlength-strings: -Wpedantic warns on a string literal longer than
# the 4,095 characters C99 promises every compiler reads. We build with GCC
# and Clang only, which take any length, and the joined SELECT of the dossier
# view (store_dossier_view.c) is one such literal: splitting it to please the
# limit would make the SQL harder to read, not safer.
set(MC_WARNINGS
  -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
  -Wold-style-definition -Wpointer-arith -Wcast-align -Wwrite-strings -Wformat=2
  -Wformat-security -Wnull-dereference -Wvla -Wimplicit-fallthrough -Wundef
  -fno-common -Wno-overlength-strings -Werror)
set(MC_WARNINGS_SRC ${MC_WARNINGS} -Wconversion -Wno-sign-conversion)
