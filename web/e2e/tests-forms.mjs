// The printable forms (docs/FORMS.md) in the browser: the desk receives a
// dossier and the receipt page links Mẫu 01 as a PDF; the dossier page
// offers the forms that apply and only those; the applicant finds Mẫu 01 on
// the lookup page with the code and phone number; the director prints the
// register (Mẫu 06) of the dashboard's months. In the English interface the
// same buttons give the English courtesy translation (read back with
// pdftotext: the English title beside the Vietnamese legal name).
import { execFileSync } from 'node:child_process';
import { assert, expectText, login, shot } from './helpers.mjs';

const PROCEDURE = '1.003950';
const APPLICANT = { name: 'Đỗ Thị Hạnh', phone: '0912 000 777' };
const state = { code: '' };

/** Fetch a link's PDF in the page's session; assert it is one. */
async function expectPdf(page, locator, what) {
  const href = await locator.getAttribute('href');
  assert(href, `${what}: no link`);
  const r = await page.request.get(href);
  assert(r.status() === 200, `${what}: ${href} answered ${r.status()}`);
  assert(r.headers()['content-type'] === 'application/pdf', `${what}: not a PDF (${r.headers()['content-type']})`);
  const body = await r.body();
  assert(body.subarray(0, 5).toString() === '%PDF-', `${what}: the body is not a PDF`);
  return href;
}

/** The text of a PDF file, whitespace runs collapsed (poppler's pdftotext). */
function pdfText(path) {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

export const tests = [
  {
    name: 'forms: the receipt page links Mẫu 01 as a PDF after reception at the desk',
    async run({ page, shots }) {
      await login(page, 'motcua1');
      await page.getByTestId('nav-reception').click();
      await page.waitForURL('**/can-bo/tiep-nhan');
      await page.getByLabel('Tìm thủ tục (tên hoặc mã)').fill(PROCEDURE);
      await page.getByLabel('Thủ tục hành chính *').selectOption(PROCEDURE);
      await page.getByLabel('Họ và tên').fill(APPLICANT.name);
      await page.getByLabel('Số điện thoại').fill(APPLICANT.phone);
      await page.getByTestId('reception-submit').click();
      state.code = (await expectText(page.getByTestId('receipt-code'), /^000\.00\.99\.H99-\d{6}-\d{4}$/, 'code')).trim();
      const links = page.getByTestId('form-links');
      await expectText(links, /Mẫu 01 – Giấy tiếp nhận hồ sơ và hẹn trả kết quả[\s\S]*In phiếu[\s\S]*Tải PDF/, 'Mẫu 01 offered');
      const href = await expectPdf(page, page.getByTestId('form-mau-01').getByRole('link', { name: 'In phiếu' }), 'Mẫu 01');
      assert(href === `/api/dossiers/${state.code}/forms/mau-01`, `Mẫu 01 address: ${href}`);
      await shot(page, shots, 'forms-receipt-links');
    },
  },
  {
    name: 'forms: the dossier page offers the receipt and the control slip, not forms that do not apply',
    async run({ page, shots }) {
      assert(state.code, 'no dossier from the previous test');
      await login(page, 'motcua1');
      await page.goto(`/can-bo/ho-so/${state.code}`);
      await page.getByTestId('form-links').waitFor();
      const offered = await page.locator('[data-testid^="form-mau-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
      assert(offered.join(',') === 'form-mau-01,form-mau-05', `offered: ${offered.join(',')}`);
      await expectPdf(page, page.getByTestId('form-mau-05').getByRole('link', { name: 'Tải PDF' }), 'Mẫu 05');
      await shot(page, shots, 'forms-dossier-links');
    },
  },
  {
    name: 'forms: the applicant downloads Mẫu 01 from the lookup page with code and phone',
    async run({ page }) {
      assert(state.code, 'no dossier from the previous test');
      await page.goto(`/tra-cuu?code=${state.code}`);
      await page.getByLabel('Số điện thoại').fill(APPLICANT.phone);
      await page.getByTestId('lookup-submit').click();
      await page.getByTestId('lookup-result').waitFor();
      const href = await expectPdf(page, page.getByTestId('form-mau-01').getByRole('link', { name: 'Tải PDF' }), 'public Mẫu 01');
      assert(href.startsWith(`/api/public/dossiers/${state.code}/forms/mau-01?phone=`), `public address: ${href}`);
      assert((await page.locator('[data-testid="form-mau-05"]').count()) === 0, 'Mẫu 05 is for the staff');
    },
  },
  {
    name: 'forms: the dashboard links the register (Mẫu 06) of its months as a PDF',
    async run({ page }) {
      await login(page, 'giamdoc');
      await page.getByTestId('nav-dashboard').click();
      await page.getByTestId('dashboard-table').waitFor();
      const href = await expectPdf(page, page.getByTestId('register-pdf').getByRole('link'), 'Mẫu 06');
      assert(/^\/api\/register\?from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}&format=pdf$/.test(href), `register address: ${href}`);
    },
  },
  {
    name: 'forms: the English interface prints and downloads the English translation of Mẫu 01',
    async run({ page, shots }) {
      assert(state.code, 'no dossier from the previous test');
      await login(page, 'motcua1');
      await page.getByTestId('lang-en').click();
      await page.goto(`/can-bo/ho-so/${state.code}`);
      const row = page.getByTestId('form-mau-01');
      await expectText(row, /Form 01 – Receipt and appointment slip[\s\S]*Print[\s\S]*Download PDF/, 'English buttons');
      await expectText(page.getByTestId('form-translation'), /the Vietnamese form is the legal document/, 'translation note');
      const print = await row.getByRole('link', { name: 'Print' }).getAttribute('href');
      assert(print === `/api/dossiers/${state.code}/forms/mau-01?lang=en`, `print address: ${print}`);
      const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: 'Download PDF' }).click()]);
      // The server's UTF-8 file name (filename*) names the translation.
      assert(download.suggestedFilename() === `Form 01 ${state.code}.pdf`, `file name: ${download.suggestedFilename()}`);
      const text = pdfText(await download.path());
      for (const want of ['RECEIPT AND APPOINTMENT SLIP', 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả — Mẫu số 01', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', state.code, APPLICANT.name]) {
        assert(text.includes(want), `the English PDF lacks "${want}": ${text.slice(0, 400)}`);
      }
      assert(!text.includes('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ'), 'the English download is the Vietnamese form');
      await shot(page, shots, 'forms-english-links');
      // Back in Vietnamese, the same button gives the legal Vietnamese form.
      await page.getByTestId('lang-vi').click();
      const vi = await page.getByTestId('form-mau-01').getByRole('link', { name: 'In phiếu' }).getAttribute('href');
      assert(vi === `/api/dossiers/${state.code}/forms/mau-01`, `Vietnamese address: ${vi}`);
    },
  },
];
