// What the browser tests share: waiting for text and counts, logging in,
// opening a dossier from the inbox and acting on it as an officer does.
// Every web/e2e/tests*.mjs file imports from here; run.mjs runs them all.
import { join } from 'node:path';

export const TIMEOUT = 10000;

/** Wait until the locator's text matches; fail with what was there. */
export async function expectText(locator, pattern, what) {
  const until = Date.now() + TIMEOUT;
  let last = '';
  while (Date.now() < until) {
    last = (await locator.first().textContent({ timeout: 1000 }).catch(() => '')) ?? '';
    if (pattern.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: expected ${pattern}, found ${JSON.stringify(last.trim().slice(0, 300))}`);
}

/** `text` (data such as demo/agency.json) as regular-expression source that matches it literally. */
export function literal(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern for exactly `text`, surrounding white space allowed. */
export function exactText(text) {
  return new RegExp(`^\\s*${literal(text)}\\s*$`);
}

export async function expectCount(locator, predicate, what) {
  const until = Date.now() + TIMEOUT;
  let n = 0;
  while (Date.now() < until) {
    n = await locator.count();
    if (predicate(n)) return n;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: unexpected count ${n}`);
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export async function shot(page, shots, name, fullPage = true) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage });
}

/** Search the catalog through the form, as a user does. */
export async function search(page, words) {
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
export async function afterRender(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** The page never scrolls sideways (the mobile layout holds). */
export async function expectNoHorizontalScroll(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 1, `${what}: the page is ${overflow} px wider than the screen`);
}

// A 401 or 404 the test provokes shows in the console as a failed resource.
export const FAILED_401 = /Failed to load resource: the server responded with a status of 401/;
export const FAILED_404 = /Failed to load resource: the server responded with a status of 404/;

export const DISSOLUTION = '1.012946'; // Thủ tục hội tự giải thể (demo, with a branch)

export const FAILED_403 = /Failed to load resource: the server responded with a status of 403/;

export const FUND_REISSUE = 'SNV-T-011'; // QT-07, TCBC, 15 working days; steps total 96 h
export const FUND_PROCESS = 'QT-07';

/** Log in through the form, as a user does; lands on the staff home. */
export async function login(page, username) {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill('motcua-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL('**/can-bo');
  await page.getByTestId('office-greeting').waitFor();
}

/** Answer the open confirmation dialog. */
export async function confirmDialog(page, yes = true) {
  const dialog = page.getByTestId('confirm-dialog');
  await dialog.waitFor();
  await dialog.getByTestId(yes ? 'confirm-yes' : 'confirm-no').click();
}

/** Fill a number input with a value, as typing does. */
export async function setHours(page, index, value) {
  const input = page.getByTestId(`hours-${index}`);
  await input.fill(String(value));
}

/** Log out through the menu, then in as another person. */
export async function relogin(page, username) {
  if (await page.getByTestId('logout').count()) {
    await page.getByTestId('logout').click();
    await page.waitForURL((url) => url.pathname === '/');
  }
  await login(page, username);
}

/** Open a dossier from the inbox (tab mine or unit), as an officer does. */
export async function openDossierFromInbox(page, code, scope) {
  await page.getByTestId('nav-inbox').click();
  await page.waitForURL('**/can-bo/ho-so');
  await page.locator('[data-testid="inbox-table"], [data-testid="inbox-empty"]').first().waitFor();
  if (scope === 'unit') {
    await page.getByTestId('scope-unit').click();
    await page.waitForURL('**/can-bo/ho-so?scope=unit');
  }
  const row = page.getByTestId(`inbox-row-${code}`);
  await row.waitFor();
  await row.getByRole('link', { name: code }).click();
  await page.waitForURL(`**/can-bo/ho-so/${code}`);
  await page.getByTestId('actions').waitFor();
  await afterRender(page);
}

/** The action buttons the page offers now. */
export async function offered(page) {
  const ids = await page.locator('[data-testid^="action-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  return ids.filter((id) => id !== 'action-form' && id !== 'action-submit').map((id) => id.slice('action-'.length));
}

/** Click an offered action, fill its form, confirm; the server must accept it. */
export async function actOn(page, code, action, fill) {
  const actions = await offered(page);
  assert(actions.includes(action), `"${action}" is not offered; the page offers ${actions.join(', ')}`);
  await page.getByTestId(`action-${action}`).click();
  await page.getByTestId('action-form').waitFor();
  if (fill) await fill(page.getByTestId('action-form'));
  const answered = page.waitForResponse((r) => r.url().endsWith(`/api/dossiers/${code}/actions`) && r.request().method() === 'POST');
  await page.getByTestId('action-submit').click();
  const r = await answered;
  assert(r.status() === 200, `${action}: the server answered ${r.status()}`);
  await expectText(page.getByTestId('dossier-notice'), /^Đã thực hiện: /, `${action} done`);
}
