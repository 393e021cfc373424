// Browser test of blank forms (issue 5 item 2): an administrator attaches a
// PDF to a dossier component on the procedure page; an anonymous visitor
// then sees "Tải mẫu" with the file's name, type and size and downloads it.
import { assert, expectText, login, shot } from './helpers.mjs';

const PROCEDURE = '2.001540'; // component 1 names "Mẫu số 10"
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

export const tests = [
  {
    name: 'form files: an administrator attaches a blank form, a visitor downloads it',
    async run({ page, context, baseUrl, shots }) {
      await login(page, 'quantri');
      await page.goto(`/thu-tuc/${PROCEDURE}`);
      const first = page.getByTestId('components').locator('tbody tr').first();
      const admin = first.getByTestId('form-admin');
      await expectText(admin, /Đính kèm mẫu/, 'the attach control for administrators');
      const attached = page.waitForResponse((r) => r.url().includes('/form-file') && r.request().method() === 'PUT');
      await admin.getByTestId('upload-input').setInputFiles({ name: 'Mẫu số 10.pdf', mimeType: 'application/pdf', buffer: PDF });
      assert((await attached).status() === 200, 'attaching the form failed');
      await expectText(first.getByTestId('form-file'), /Tải mẫu.*Mẫu số 10\.pdf · PDF · \d+ B/, 'the download link after attaching');
      await shot(page, shots, 'form-file-admin');

      // A visitor without a session.
      const visitor = await context.browser().newContext({ baseURL: baseUrl, locale: 'vi-VN' });
      try {
        const anon = await visitor.newPage();
        await anon.goto(`/thu-tuc/${PROCEDURE}`);
        const row = anon.getByTestId('components').locator('tbody tr').first();
        await expectText(row.getByTestId('form-file'), /Tải mẫu/, 'the visitor sees the download');
        assert((await anon.getByTestId('form-admin').count()) === 0, 'a visitor sees the attach control');
        const href = await row.getByTestId('form-download').getAttribute('href');
        assert(href && href.startsWith(`/api/procedures/${PROCEDURE}/forms/`), `unexpected link ${href}`);
        const res = await anon.request.get(href);
        assert(res.status() === 200, `download answered ${res.status()}`);
        assert(res.headers()['content-type'] === 'application/pdf', `content type ${res.headers()['content-type']}`);
        assert(Buffer.compare(await res.body(), PDF) === 0, 'the downloaded bytes differ');
        await shot(anon, shots, 'form-file-visitor');
      } finally {
        await visitor.close();
      }

      // The administrator removes it again (the demo stays without files).
      const removed = page.waitForResponse((r) => r.url().includes('/form-file') && r.request().method() === 'DELETE');
      await first.getByTestId('form-remove').click();
      assert((await removed).status() === 204, 'removing the form failed');
      assert((await first.getByTestId('form-file').count()) === 0, 'the link stays after removal');
    },
  },
];
