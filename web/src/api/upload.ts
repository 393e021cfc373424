// Uploading one file: the raw file as the body of POST /api/uploads (no
// multipart), through XMLHttpRequest because fetch reports no upload
// progress. Errors come back as ApiError, like every other call.
import { ApiError, getCsrfToken } from './http';
import type { Problem } from './types';

/** The server's answer: the id to reference in `files` of a submission or action. */
export interface Upload {
  id: string;
  name: string;
  size: number;
  mime: string;
  kind?: string;
  sha256: string;
  expires_in_minutes?: number;
}

export interface UploadOptions {
  /** Called with the fraction sent, 0…1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

function problemOf(text: string): Problem | null {
  try {
    const body: unknown = JSON.parse(text);
    return typeof body === 'object' && body !== null && typeof (body as Problem).status === 'number' ? (body as Problem) : null;
  } catch {
    return null;
  }
}

export function uploadFile(file: Blob, name: string, options: UploadOptions = {}): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/uploads?name=${encodeURIComponent(name)}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) options.onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        options.onProgress?.(1);
        try {
          resolve(JSON.parse(xhr.responseText) as Upload);
        } catch {
          reject(new ApiError('format', xhr.status, null));
        }
        return;
      }
      reject(new ApiError('http', xhr.status, problemOf(xhr.responseText)));
    };
    xhr.onerror = () => reject(new ApiError('network', 0, null));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}
