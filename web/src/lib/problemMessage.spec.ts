import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/http';
import type { Problem } from '@/api/types';
import { translatorFor } from '@/test/translator';
import { describeError } from './problemMessage';

const vi = translatorFor('vi');
const en = translatorFor('en');

function problem(status: number, extra: Partial<Problem> = {}): ApiError {
  return new ApiError('http', status, {
    type: 'about:blank',
    title: 'x',
    status,
    detail: 'raw english detail from the server',
    code: 'einval',
    request_id: 'req-42',
    ...extra,
  });
}

describe('describeError', () => {
  it('says a wrong login in Vietnamese, without the server text', () => {
    const text = describeError(problem(401, { code: 'eauth' }), vi, 'login');
    expect(text).toBe('Tên đăng nhập hoặc mật khẩu không đúng. Vui lòng kiểm tra và thử lại.');
    expect(text).not.toContain('raw english');
  });

  it('says an expired session outside the login form', () => {
    expect(describeError(problem(401), vi)).toContain('Phiên làm việc đã hết hạn');
  });

  it('names the field at fault with its label', () => {
    const e = problem(400, { errors: [{ field: 'username', message: 'must be 3-32 characters' }] });
    expect(describeError(e, vi)).toBe('Thông tin “Tên đăng nhập” chưa hợp lệ.');
    expect(describeError(e, en)).toBe('“Username” is not valid.');
  });

  it('falls back to the field path when no label is known', () => {
    const e = problem(400, { errors: [{ field: '$.cases[0].x', message: 'bad' }] });
    expect(describeError(e, vi)).toContain('cases[0].x');
  });

  it('asks to wait after too many login attempts', () => {
    expect(describeError(problem(429, { code: 'elimit' }), vi, 'login')).toContain('đợi một phút');
  });

  it('uses Retry-After when the server gives it', () => {
    const e = new ApiError('http', 429, null, 30);
    expect(describeError(e, vi)).toContain('30 giây');
  });

  it('recognises a CSRF rejection', () => {
    const e = problem(403, { errors: [{ field: 'X-CSRF-Token', message: 'missing' }] });
    expect(describeError(e, vi)).toContain('tải lại trang');
    expect(describeError(problem(403), vi)).toBe('Bạn không có quyền thực hiện thao tác này.');
  });

  it('gives a reference for server failures', () => {
    const text = describeError(problem(500), vi);
    expect(text).toContain('Máy chủ gặp sự cố');
    expect(text).toContain('req-42');
  });

  it('covers the network, unreadable answers and unknown throws', () => {
    expect(describeError(new ApiError('network', 0, null), vi)).toContain('Không kết nối được');
    expect(describeError(new ApiError('format', 200, null), en)).toContain('cannot be read');
    expect(describeError(new Error('boom'), vi)).toBe('Đã có lỗi xảy ra. Vui lòng thử lại.');
  });

  it('maps every status the server emits to a sentence of its own', () => {
    const statuses = [400, 401, 403, 404, 405, 409, 413, 415, 429, 500, 503];
    const texts = statuses.map((s) => describeError(problem(s), vi));
    expect(new Set(texts).size).toBe(statuses.length);
    for (const text of texts) expect(text).toMatch(/[.]$/);
  });
});
