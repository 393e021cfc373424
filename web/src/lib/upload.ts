// Checking a chosen file before it is sent, and explaining a refusal. The
// server decides by the file's content and is the authority; this check by
// name and size only spares the citizen a useless upload.
import { ApiError } from '@/api/http';
import { describeError } from './problemMessage';
import type { Translator } from './translate';

/** The server's default uploads.max_size (10 MiB); a server set lower still answers 413. */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

/** Extensions of the kinds the server accepts (core/attachment.c). */
export const UPLOAD_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png', 'docx', 'xlsx', 'odt', 'doc'] as const;

/** For the file picker's accept attribute. */
export const UPLOAD_ACCEPT = UPLOAD_EXTENSIONS.map((e) => `.${e}`).join(',');

export type UploadProblem = { key: string; params?: Record<string, unknown> };

export function formatSize(bytes: number, locale: string): string {
  const fmt = (n: number): string => n.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${fmt(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${fmt(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** Why a chosen file cannot be sent, or null when it may be. */
export function checkUpload(file: { name: string; size: number }, maxBytes = UPLOAD_MAX_BYTES): UploadProblem | null {
  if (file.size === 0) return { key: 'upload.empty' };
  if (file.size > maxBytes) return { key: 'upload.tooLarge', params: { max: maxBytes } };
  const dot = file.name.lastIndexOf('.');
  const ext = dot >= 0 ? file.name.slice(dot + 1).toLowerCase() : '';
  if (!(UPLOAD_EXTENSIONS as readonly string[]).includes(ext)) return { key: 'upload.badExtension', params: { ext: ext || '—' } };
  return null;
}

/** A handover event's attachment as people read it: a linked file is
 * "<name> sha256:<64 hex>" in the log; show the name and the hash's start. */
export function attachmentLabel(entry: string): string {
  const m = /^(.*) sha256:([0-9a-f]{64})$/.exec(entry);
  return m?.[1] !== undefined && m[2] ? `${m[1]} (SHA-256 ${m[2].slice(0, 12)}…)` : entry;
}

/** A plain-words name of a detected MIME type, in the current language. */
export function kindName(mime: string | undefined, tr: Translator): string {
  const m = mime ?? '';
  const known: [string, string][] = [
    ['text/', 'upload.kind.text'],
    ['application/x-dosexec', 'upload.kind.program'],
    ['application/vnd.microsoft.portable-executable', 'upload.kind.program'],
    ['application/x-executable', 'upload.kind.program'],
    ['application/zip', 'upload.kind.zip'],
    ['image/', 'upload.kind.image'],
    ['video/', 'upload.kind.video'],
    ['audio/', 'upload.kind.audio'],
  ];
  const hit = known.find(([prefix]) => m.startsWith(prefix));
  return hit ? tr.t(hit[1]) : tr.t('upload.kind.unknown');
}

/** One sentence for a failed upload: size and kind refusals say what was wrong. */
export function describeUploadError(error: unknown, tr: Translator, maxBytes = UPLOAD_MAX_BYTES): string {
  if (error instanceof ApiError && error.kind === 'http') {
    if (error.status === 413) return tr.t('upload.tooLarge', { max: formatSize(maxBytes, tr.locale) });
    if (error.status === 415) return tr.t('upload.wrongKind', { kind: kindName(error.problem?.detected_type, tr) });
  }
  return describeError(error, tr, 'write');
}
