// Browser tests of attachments (issue 5 items 2 and 5): a citizen uploads a
// file per dossier component, sees each upload's progress and submits; a
// wrong upload (a text file named .pdf, a program) gets a clear Vietnamese
// sentence and is not accepted; the applicant and the desk then see and
// download the files.
import { assert, expectCount, expectText, login, shot } from './helpers.mjs';

const PROCEDURE = '2.000418'; // toàn trình, three required components
const PHONE = '0912 345 678';
const FAILED_415 = /Failed to load resource: the server responded with a status of 415/;

/** A PDF of `size` bytes: a real header, then padding the sniffer ignores. */
function pdf(size) {
  const head = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n');
  const tail = Buffer.from('\n%%EOF\n');
  const body = Buffer.alloc(Math.max(0, size - head.length - tail.length), 0x20);
  return Buffer.concat([head, body, tail]);
}

// A 1×1 PNG.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0e2d9a80000000049454e44ae426082',
  'hex',
);

const shared = { ref: '', pdf: pdf(1536 * 1024) };

const row = (page, i) => page.getByTestId('submission-files').getByTestId('file-upload').nth(i);

export const tests = [
  {
    name: 'attachments: a wrong upload gets a clear Vietnamese message and is not accepted',
    allowConsole: [FAILED_415],
    async run({ page, shots }) {
      await page.goto(`/thu-tuc/${PROCEDURE}`);
      await page.getByTestId('open-submission').click();
      await expectCount(page.getByTestId('submission-files').getByTestId('file-upload'), (n) => n === 3, 'one upload per component');
      const first = row(page, 0);

      // A text file renamed .pdf: the server reads the content and refuses it.
      const refused = page.waitForResponse((r) => r.url().includes('/api/uploads'));
      await first.getByTestId('upload-input').setInputFiles({
        name: 'don-de-nghi.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('Đây là một tệp văn bản, không phải PDF.\n'),
      });
      assert((await refused).status() === 415, 'the server accepted a text file named .pdf');
      await expectText(first.getByTestId('upload-error'), /^Tệp không được chấp nhận: nội dung của tệp là một tệp văn bản thuần/, 'the refusal in words');
      assert((await first.getByTestId('upload-done').count()) === 0, 'the refused file shows as accepted');
      await shot(page, shots, 'upload-refused');

      // A program: refused before sending, by its extension.
      let sent = false;
      const watch = (r) => (sent ||= r.url().includes('/api/uploads'));
      page.on('request', watch);
      await first.getByTestId('upload-input').setInputFiles({ name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
      await expectText(first.getByTestId('upload-error'), /^Không nhận tệp “\.exe”/, 'the extension refusal in words');
      page.off('request', watch);
      assert(!sent, 'an .exe was sent to the server');
      assert((await first.getByTestId('upload-done').count()) === 0, 'the .exe shows as accepted');
    },
  },
  {
    name: 'attachments: a citizen uploads each component with progress, submits, and finds the files again',
    async run({ page, context, shots }) {
      await page.goto(`/thu-tuc/${PROCEDURE}`);
      await page.getByTestId('open-submission').click();
      await expectCount(page.getByTestId('submission-files').getByTestId('file-upload'), (n) => n === 3, 'one upload per component');

      // A slow line, so that the progress of a 1.5 MB file can be watched.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 600 * 1024 });
      const seen = new Set();
      const first = row(page, 0);
      const uploaded = page.waitForResponse((r) => r.url().includes('/api/uploads'), { timeout: 30000 });
      await first.getByTestId('upload-input').setInputFiles({ name: 'Văn bản đề nghị.pdf', mimeType: 'application/pdf', buffer: shared.pdf });
      const until = Date.now() + 30000;
      while (Date.now() < until && (await first.getByTestId('upload-done').count()) === 0) {
        const v = await first.locator('progress').getAttribute('value', { timeout: 200 }).catch(() => null);
        if (v !== null) seen.add(Number(v));
        await new Promise((r) => setTimeout(r, 50));
      }
      assert((await uploaded).status() === 201, 'the PDF was refused');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      const partial = [...seen].filter((v) => v > 0 && v < 100);
      assert(partial.length > 0, `no progress between 0 and 100 % was shown (saw ${[...seen].join(', ') || 'none'})`);
      await expectText(first.getByTestId('upload-done'), /Văn bản đề nghị\.pdf/, 'the first component shows its file');

      await row(page, 1).getByTestId('upload-input').setInputFiles({ name: 'bao-cao.png', mimeType: 'image/png', buffer: PNG });
      await expectText(row(page, 1).getByTestId('upload-done'), /bao-cao\.png/, 'the second component shows its file');
      await shot(page, shots, 'upload-per-component');

      const form = page.getByTestId('online-submission');
      await form.getByLabel('Họ và tên').fill('Nguyễn Thị Hoa');
      await form.getByLabel('Số điện thoại').fill(PHONE);
      const created = page.waitForResponse((r) => r.url().endsWith('/api/dossiers') && r.request().method() === 'POST');
      await page.getByTestId('send-submission').click();
      const answer = await created;
      assert(answer.status() === 201, `the submission was refused: ${answer.status()}`);
      const body = answer.request().postDataJSON();
      assert(body.files?.length === 2, `the submission named ${body.files?.length ?? 0} files`);
      shared.ref = (await expectText(page.getByTestId('submitted-ref'), /^\S{6,}$/, 'a reference')).trim();

      // The applicant looks the dossier up and downloads the same bytes.
      await page.getByRole('link', { name: 'Tra cứu hồ sơ này' }).click();
      await page.getByLabel('Số điện thoại').fill(PHONE);
      await page.getByTestId('lookup-submit').click();
      await expectCount(page.getByTestId('dossier-files').getByTestId('file-link'), (n) => n === 2, 'the lookup lists both files');
      const href = await page.getByTestId('dossier-files').getByTestId('file-link').first().getAttribute('href');
      const download = await page.request.get(href);
      assert(download.status() === 200, `download answered ${download.status()}`);
      assert((await download.body()).equals(shared.pdf), 'the downloaded file differs from the uploaded one');
      assert(download.headers()['content-type'] === 'application/pdf', 'wrong Content-Type');
      await shot(page, shots, 'lookup-files');
    },
  },
  {
    name: 'attachments: the desk sees the files of the online dossier and accepts it with its own scan',
    async run({ page, shots }) {
      assert(shared.ref, 'no dossier from the previous test');
      await login(page, 'motcua2');
      await page.goto(`/can-bo/ho-so/${shared.ref}`);
      const files = page.getByTestId('dossier-files');
      await expectCount(files.getByTestId('file-link'), (n) => n === 2, 'the dossier page lists both files');
      await expectText(files, /Văn bản đề nghị kèm theo danh sách[\s\S]*Văn bản đề nghị\.pdf/, 'component and name');
      const href = await files.getByTestId('file-link').first().getAttribute('href');
      const download = await page.request.get(href);
      assert((await download.body()).equals(shared.pdf), 'staff download differs');

      // Accept with the desk's check-list scan attached to the action.
      await page.getByTestId('action-accept').click();
      const form = page.getByTestId('action-form');
      await form.getByTestId('upload-input').setInputFiles({ name: 'phieu-kiem-tra.pdf', mimeType: 'application/pdf', buffer: pdf(4096) });
      await expectText(form.getByTestId('upload-done'), /phieu-kiem-tra\.pdf/, 'the scan is uploaded');
      const answered = page.waitForResponse((r) => r.url().includes('/actions') && r.request().method() === 'POST');
      await page.getByTestId('action-submit').click();
      const r = await answered;
      assert(r.status() === 200, `accept with a file: ${r.status()}`);
      assert(r.request().postDataJSON().files?.length === 1, 'the action did not carry the file');
      await expectCount(files.getByTestId('file-link'), (n) => n === 3, 'the scan joins the files');
      await expectText(page.getByTestId('slip'), /phieu-kiem-tra\.pdf \(SHA-256 [0-9a-f]{12}…\)/, 'the control slip names the sealed file');
      await shot(page, shots, 'dossier-files');
    },
  },
];
