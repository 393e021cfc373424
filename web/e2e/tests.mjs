// The browser tests, in order. Each gets a fresh browser context (no cookies,
// no storage) and fails on any console error or warning it does not allow.
import { join } from 'node:path';

const TIMEOUT = 10000;

/** Wait until the locator's text matches; fail with what was there. */
async function expectText(locator, pattern, what) {
  const until = Date.now() + TIMEOUT;
  let last = '';
  while (Date.now() < until) {
    last = (await locator.first().textContent({ timeout: 1000 }).catch(() => '')) ?? '';
    if (pattern.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: expected ${pattern}, found ${JSON.stringify(last.trim().slice(0, 300))}`);
}

async function expectCount(locator, predicate, what) {
  const until = Date.now() + TIMEOUT;
  let n = 0;
  while (Date.now() < until) {
    n = await locator.count();
    if (predicate(n)) return n;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: unexpected count ${n}`);
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function shot(page, shots, name, fullPage = true) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage });
}

/** Search the catalog through the form, as a user does. */
async function search(page, words) {
  const answered = page.waitForResponse(
    (r) => r.url().includes('/api/procedures?') && new URL(r.url()).searchParams.get('q') === words,
  );
  await page.getByLabel(/Tìm thủ tục theo tên hoặc mã|Search procedures/).fill(words);
  await page.getByLabel(/Tìm thủ tục theo tên hoặc mã|Search procedures/).press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === words);
  await answered;
  await afterRender(page);
}

/** Let Vue apply the answer that just arrived. */
async function afterRender(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** The page never scrolls sideways (the mobile layout holds). */
async function expectNoHorizontalScroll(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 1, `${what}: the page is ${overflow} px wider than the screen`);
}

// A 401 or 404 the test provokes shows in the console as a failed resource.
const FAILED_401 = /Failed to load resource: the server responded with a status of 401/;
const FAILED_404 = /Failed to load resource: the server responded with a status of 404/;

const DISSOLUTION = '1.012946'; // Thủ tục hội tự giải thể (demo, with a branch)

export const tests = [
  {
    name: 'portal lists the catalog in Vietnamese',
    async run({ page, shots }) {
      await page.goto('/');
      await expectText(page.locator('h1'), /^Tra cứu thủ tục hành chính$/, 'heading');
      await expectText(page.getByTestId('agency-name'), /Sở Nội vụ/, 'agency in the header');
      await expectText(page.getByTestId('result-count'), /Tìm thấy \d+ thủ tục/, 'result count');
      await expectCount(page.getByTestId('result-link'), (n) => n >= 10, 'result links');
      assert((await page.getAttribute('html', 'lang')) === 'vi', 'html lang is not vi');
      const domains = await page.locator('#catalog-domain option').count();
      assert(domains >= 5, `only ${domains - 1} domains in the filter`);
      await shot(page, shots, 'portal');
    },
  },
  {
    name: 'search without diacritics finds cấp phép',
    async run({ page, shots }) {
      await page.goto('/');
      await search(page, 'cap phep');
      const links = page.getByTestId('result-link');
      await expectCount(links, (n) => n >= 1, 'results for "cap phep"');
      const names = await links.allTextContents();
      assert(
        names.some((n) => /cấp giấy phép/i.test(n)),
        `no result says "cấp giấy phép": ${names.join(' | ')}`,
      );
      assert(
        names.every((n) => /cấp/i.test(n) && /phép/i.test(n)),
        `a result does not match both words: ${names.join(' | ')}`,
      );
      await shot(page, shots, 'portal-search-cap-phep');
    },
  },
  {
    name: 'filters by domain and level, and pages through results',
    async run({ page }) {
      await page.goto('/');
      await expectText(page.getByTestId('result-count'), /Tìm thấy (\d+)/, 'result count');
      const all = Number(/(\d+)/.exec(await page.getByTestId('result-count').textContent())[1]);
      await page.selectOption('#catalog-domain', 'TCPCP');
      await page.waitForURL((url) => url.searchParams.get('domain') === 'TCPCP');
      // Wait for the new answer: the count changes from the unfiltered one.
      const text = await expectText(
        page.getByTestId('result-count'),
        new RegExp(`Tìm thấy (?!${all} )\\d+`),
        'count by domain',
      );
      const some = Number(/(\d+)/.exec(text)[1]);
      assert(some > 0 && some < all, `domain filter: ${some} of ${all}`);
      const metas = await page.locator('[data-testid="results"] li').allTextContents();
      assert(metas.every((m) => m.includes('Tổ chức phi chính phủ')), 'a result outside the domain');
      await page.selectOption('#catalog-level', 'xa');
      await page.waitForURL((url) => url.searchParams.get('level') === 'xa');
      await expectText(page.getByTestId('result-count'), /Không có thủ tục nào|Tìm thấy \d+/, 'count by level');
      await page.getByRole('button', { name: 'Xoá bộ lọc' }).click();
      await page.waitForURL((url) => url.search === '');
      if (all > 20) {
        await page.getByRole('navigation', { name: 'Phân trang kết quả' }).locator('.number', { hasText: /^2$/ }).click();
        await page.waitForURL((url) => url.searchParams.get('page') === '2');
        await expectCount(page.getByTestId('result-link'), (n) => n === all - 20 || n === 20, 'page 2 results');
      }
    },
  },
  {
    name: 'a procedure shows its cases, components, steps and totals',
    async run({ page, shots }) {
      await page.goto('/');
      await search(page, 'hoi tu giai the');
      await page.getByTestId('result-link').filter({ hasText: 'Thủ tục hội tự giải thể' }).first().click();
      await page.waitForURL(`**/thu-tuc/${DISSOLUTION}`);
      await expectText(page.getByTestId('procedure-name'), /^Thủ tục hội tự giải thể$/, 'procedure name');
      await expectText(page.getByTestId('time-limit'), /^45 ngày làm việc$/, 'legal time limit');
      await expectText(page.getByTestId('online-level'), /Toàn trình/, 'online level');
      await expectText(page.getByTestId('legal-basis'), /Nghị định số 126\/2024\/NĐ-CP/, 'legal basis');
      const steps = page.locator('[data-testid="process-steps"] > li');
      const n = await expectCount(steps, (k) => k >= 4, 'process steps');
      await expectText(steps.first(), /Cán bộ một cửa/, 'first step role');
      await expectText(steps.first(), /4 giờ làm việc \(0,5 ngày\)/, 'first step allotment');
      await expectText(page.getByTestId('total-hours'), /^\d+([,.]\d+)? giờ làm việc/, 'total');
      await expectText(page.getByTestId('legal-limit'), /45 ngày làm việc \(360 giờ làm việc/, 'limit in hours');
      await expectText(page.getByTestId('verdict'), /Trong thời hạn quy định|Bằng đúng/, 'verdict');
      // The total is the longest path: at least the sum along the main line.
      const hours = await page.getByTestId('step-hours').allTextContents();
      assert(hours.length === n, 'every step shows its allotment');
      await shot(page, shots, 'procedure');
    },
  },
  {
    name: 'the process versions page shows the ISO control block',
    async run({ page, shots }) {
      await page.goto(`/thu-tuc/${DISSOLUTION}`);
      await page.getByTestId('versions-link').first().click();
      await page.waitForURL(/\/quy-trinh\/[^/]+\/phien-ban$/);
      await expectText(page.getByTestId('control-code'), /^QT-/, 'process code');
      await expectText(page.getByTestId('control-issue'), /^0?1$/, 'issue number');
      await expectText(page.getByTestId('control-approver'), /\S/, 'approver');
      await expectCount(page.locator('[data-testid="versions-table"] tbody tr'), (k) => k >= 1, 'history rows');
      await expectText(page.locator('[data-testid="versions-table"] tbody'), /Đang hiệu lực/, 'status in force');
      await shot(page, shots, 'process-versions');
    },
  },
  {
    name: 'switch to English and back, and the choice persists',
    async run({ page, shots }) {
      await page.goto('/');
      await expectText(page.locator('h1'), /Tra cứu thủ tục hành chính/, 'Vietnamese heading');
      await page.getByTestId('lang-en').click();
      await expectText(page.locator('h1'), /^Find an administrative procedure$/, 'English heading');
      assert((await page.getAttribute('html', 'lang')) === 'en', 'html lang is not en');
      assert(
        (await page.getByTestId('lang-en').getAttribute('aria-pressed')) === 'true',
        'the English button is not pressed',
      );
      await page.reload();
      await expectText(page.locator('h1'), /^Find an administrative procedure$/, 'English after reload');
      await expectText(page.getByTestId('result-count'), /procedures? found/, 'English result count');
      await shot(page, shots, 'portal-english');
      await page.getByTestId('lang-vi').click();
      await expectText(page.locator('h1'), /^Tra cứu thủ tục hành chính$/, 'Vietnamese again');
      assert((await page.getAttribute('html', 'lang')) === 'vi', 'html lang is not vi again');
    },
  },
  {
    name: 'the director logs in and sees his name and roles, then logs out',
    async run({ page, shots, demoPeople }) {
      const director = demoPeople.find((p) => p.username === 'giamdoc');
      assert(director, 'no giamdoc in the demo data');
      await page.goto('/');
      await page.getByTestId('login-link').click();
      await page.waitForURL('**/dang-nhap');
      await page.getByLabel('Tên đăng nhập').fill('giamdoc');
      await page.getByLabel('Mật khẩu', { exact: true }).fill('motcua-demo');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL('**/can-bo');
      await expectText(page.getByTestId('office-greeting'), new RegExp(director.full_name), 'greeting');
      await expectText(page.getByTestId('office-position'), new RegExp(director.position.split(';')[0]), 'position');
      await expectText(page.getByTestId('office-roles'), /Giám đốc/, 'role in Vietnamese');
      await shot(page, shots, 'office-home');
      // A reload keeps the session (cookie + CSRF token in sessionStorage).
      await page.reload();
      await expectText(page.getByTestId('office-greeting'), new RegExp(director.full_name), 'greeting after reload');
      await page.getByTestId('logout').click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByTestId('login-link').waitFor();
      // The staff page now sends to the login form.
      await page.goto('/can-bo');
      await page.waitForURL((url) => url.pathname === '/dang-nhap' && url.searchParams.get('next') === '/can-bo');
    },
  },
  {
    name: 'a wrong password gets a clear Vietnamese message',
    allowConsole: [FAILED_401],
    async run({ page, shots }) {
      await page.goto('/dang-nhap');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await expectText(page.locator('#login-username-error'), /Vui lòng nhập tên đăng nhập/, 'required username');
      await page.getByLabel('Tên đăng nhập').fill('giamdoc');
      await page.getByLabel('Mật khẩu', { exact: true }).fill('sai-mat-khau');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await expectText(
        page.getByRole('alert'),
        /^Tên đăng nhập hoặc mật khẩu không đúng\. Vui lòng kiểm tra và thử lại\.$/,
        'wrong-password message',
      );
      assert(!/[{}]|Unauthorized|eauth/.test(await page.locator('main').textContent()), 'raw error text shown');
      assert(page.url().endsWith('/dang-nhap'), 'left the login page');
      await shot(page, shots, 'login-wrong-password');
    },
  },
  {
    name: 'keyboard only: reach the search box, search and open a result',
    async run({ page }) {
      await page.goto('/');
      await page.getByTestId('result-link').first().waitFor();
      let reached = false;
      for (let i = 0; i < 15 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => document.activeElement?.id === 'catalog-q');
      }
      assert(reached, 'Tab never reached the search box');
      await page.keyboard.type('giai the');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('q') === 'giai the');
      await expectText(page.getByTestId('result-count'), /Tìm thấy \d+/, 'results for "giai the"');
      let onResult = '';
      for (let i = 0; i < 20 && !onResult; i++) {
        await page.keyboard.press('Tab');
        onResult = await page.evaluate(() =>
          document.activeElement?.getAttribute('data-testid') === 'result-link'
            ? (document.activeElement.textContent ?? '').trim()
            : '',
        );
      }
      assert(onResult, 'Tab never reached a result');
      assert(/giải thể/i.test(onResult), `the focused result is not about "giải thể": ${onResult}`);
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert(outline !== 'none', 'the focused result shows no focus outline');
      await page.keyboard.press('Enter');
      await page.waitForURL('**/thu-tuc/**');
      await expectText(page.getByTestId('procedure-name'), /giải thể/i, 'opened procedure');
    },
  },
  {
    name: 'an unknown procedure code gets a human message',
    allowConsole: [FAILED_404],
    async run({ page }) {
      await page.goto('/thu-tuc/9.999999');
      await expectText(page.getByRole('alert'), /^Không tìm thấy thủ tục có mã 9\.999999\./, 'not-found message');
    },
  },
  {
    name: 'phone screen: portal and procedure fit without sideways scrolling',
    viewport: { width: 390, height: 844 },
    async run({ page, shots }) {
      await page.goto('/');
      await page.getByTestId('result-link').first().waitFor();
      await expectNoHorizontalScroll(page, 'portal');
      await shot(page, shots, 'mobile-portal');
      await shot(page, shots, 'mobile-portal-screen', false);
      await page.goto(`/thu-tuc/${DISSOLUTION}`);
      await page.getByTestId('process-totals').waitFor();
      await expectNoHorizontalScroll(page, 'procedure');
      await shot(page, shots, 'mobile-procedure');
      await page.getByTestId('process-steps').scrollIntoViewIfNeeded();
      await shot(page, shots, 'mobile-procedure-steps-screen', false);
    },
  },
];
