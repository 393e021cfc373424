// The printable forms (docs/FORMS.md) in the browser: the desk receives a
// dossier and the receipt page links Mẫu 01 as a PDF; the dossier page
// offers the forms that apply and only those; the applicant finds Mẫu 01 on
// the lookup page with the code and phone number; the director prints the
// register (Mẫu 06) of the dashboard's months.
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
];
