import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/http';
import en from '@/i18n/en.json';
import vi from '@/i18n/vi.json';
import type { Translator } from './translate';
import { attachmentLabel, checkUpload, describeUploadError, formatSize, kindName, UPLOAD_MAX_BYTES } from './upload';

function translator(messages: Record<string, unknown>, locale: string): Translator {
  return {
    locale,
    t(key, named = {}) {
      let v: unknown = messages;
      for (const part of key.split('.')) v = (v as Record<string, unknown> | undefined)?.[part];
      if (typeof v !== 'string') return key;
      return v.replace(/\{(\w+)\}/g, (_, k: string) => String(named[k] ?? `{${k}}`));
    },
  };
}
const tvi = translator(vi, 'vi');
const ten = translator(en, 'en');

describe('checkUpload', () => {
  it('accepts the allowed extensions in any case', () => {
    for (const name of ['a.pdf', 'B.PDF', 'scan.jpeg', 'x.JPG', 'y.png', 'to-khai.docx', 'bang.xlsx', 'van-ban.odt', 'cu.doc']) {
      expect(checkUpload({ name, size: 100 })).toBeNull();
    }
  });
  it('refuses other extensions, empty and oversize files', () => {
    expect(checkUpload({ name: 'virus.exe', size: 100 })).toEqual({ key: 'upload.badExtension', params: { ext: 'exe' } });
    expect(checkUpload({ name: 'noextension', size: 100 })?.key).toBe('upload.badExtension');
    expect(checkUpload({ name: 'a.pdf', size: 0 })?.key).toBe('upload.empty');
    expect(checkUpload({ name: 'a.pdf', size: UPLOAD_MAX_BYTES + 1 })?.key).toBe('upload.tooLarge');
    expect(checkUpload({ name: 'a.pdf', size: UPLOAD_MAX_BYTES })).toBeNull();
  });
});

describe('formatSize', () => {
  it('uses the locale', () => {
    expect(formatSize(10 * 1024 * 1024, 'vi')).toBe('10 MB');
    expect(formatSize(1536, 'vi')).toBe('1,5 KB');
    expect(formatSize(1536, 'en')).toBe('1.5 KB');
    expect(formatSize(12, 'en')).toBe('12 B');
  });
});

describe('describeUploadError', () => {
  const refused = (status: number, detected_type?: string): ApiError =>
    new ApiError('http', status, { status, detail: 'x', detected_type, errors: [{ field: 'file', message: 'x' }] });

  it('names the detected kind of a refused file in plain words', () => {
    const vi415 = describeUploadError(refused(415, 'text/plain'), tvi);
    expect(vi415).toContain('tệp văn bản thuần');
    expect(vi415).toContain('không được chấp nhận');
    expect(describeUploadError(refused(415, 'application/vnd.microsoft.portable-executable'), ten)).toContain('a computer program');
    expect(kindName(undefined, tvi)).toBe('một loại dữ liệu không xác định');
  });
  it('states the size limit', () => {
    expect(describeUploadError(refused(413), tvi)).toContain('tối đa 10 MB');
    expect(describeUploadError(refused(413), ten)).toContain('at most 10 MB');
  });
  it('falls back to the general sentences', () => {
    expect(describeUploadError(new ApiError('network', 0, null), tvi)).toBe(tvi.t('error.network'));
  });
});

describe('attachmentLabel', () => {
  it('shortens the sealed hash of a linked file and leaves plain names alone', () => {
    const sha = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    expect(attachmentLabel(`Đơn đề nghị.pdf sha256:${sha}`)).toBe('Đơn đề nghị.pdf (SHA-256 ba7816bf8f01…)');
    expect(attachmentLabel('dieu-le.pdf')).toBe('dieu-le.pdf');
    expect(attachmentLabel('x sha256:short')).toBe('x sha256:short');
  });
});
