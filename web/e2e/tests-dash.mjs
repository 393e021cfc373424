// Browser tests of the dashboards (issue 5, R6–R8): the director's on-time
// rate and its drill-down, the control team's read-only late list, the
// notification bell. They run after tests.mjs on the same server, so the
// dossiers of its journey exist (one finished on time this month, one
// accepted online and still open, the specialist notified of an assignment).
import { readFileSync } from 'node:fs';
import { afterRender, assert, expectCount, expectNoHorizontalScroll, expectText, login, shot } from './helpers.mjs';

/** Minutes since the epoch, `days` from now: the test clock of the server. */
const minutesFromNow = (days) => String(Math.floor(Date.now() / 60000) + days * 24 * 60);

export const tests = [
  {
    name: 'dashboard: the director sees the month on-time rate at first glance, as charts, and drills down to a dossier',
    async run({ page, shots }) {
      // This month's rate for the whole department, on the page the login
      // lands on, before anything else.
      await login(page, 'giamdoc');
      await expectText(page.getByTestId('kpi'), /Tỷ lệ giải quyết đúng hạn tháng \d{2}\/\d{4}/, 'headline names the month');
      const rate = await expectText(page.getByTestId('kpi-rate'), /^\d{1,3}(,\d)?\s?%$/, 'the department rate');
      await expectText(page.getByTestId('kpi-counts'), /\d+ hồ sơ đã giải quyết: \d+ sớm hạn, \d+ đúng hạn, \d+ trễ hạn/, 'the counts');
      await shot(page, shots, 'office-home-rate');
      await page.getByTestId('kpi-link').click();
      await page.waitForURL('**/can-bo/thong-ke');
      await expectText(page.getByTestId('kpi-rate'), new RegExp(`^${rate.trim()}$`), 'the same rate on the dashboard');
      // The month chart is drawn (SVG) and says its figures in words.
      const canvas = page.getByTestId('chart-month-canvas');
      await canvas.locator('svg').first().waitFor();
      const label = await canvas.getAttribute('aria-label');
      assert(/Theo tháng\. \d{2}\/\d{4}: \d+ sớm hạn, \d+ đúng hạn, \d+ trễ hạn, \d+ đang giải quyết/.test(label ?? ''), `chart label: ${label}`);
      for (const id of ['unit', 'officer', 'procedure']) await page.getByTestId(`chart-${id}`).waitFor();
      await afterRender(page);
      await shot(page, shots, 'dashboard-charts');

      // Click a bar where it is drawn (a filled SVG shape below the legend):
      // ECharts answers the click with the dossiers of that segment.
      // Mouse clicks land only inside the viewport: bring the chart into it.
      await canvas.scrollIntoViewIfNeeded();
      await afterRender(page);
      const box = await canvas.boundingBox();
      assert(box, 'the chart has a box');
      const month = await page.locator('#db-to').inputValue();
      const [y, m] = month.split('-');
      const bars = await canvas.locator('svg path').evaluateAll((paths, top) =>
        paths
          .filter((p) => !p.closest('defs, pattern'))
          .map((p) => p.getBoundingClientRect())
          .filter((r) => r.width >= 8 && r.height >= 8 && r.width <= 80 && r.bottom > top + 40)
          .map((r) => ({ x: r.left + r.width / 2, y: r.bottom - Math.min(r.height / 2, 10) })),
        box.y,
      );
      assert(bars.length >= 1, 'the month chart draws bars');
      let drilled = false;
      for (const bar of bars) {
        await page.mouse.click(bar.x, bar.y);
        drilled = await page
          .waitForURL('**/can-bo/thong-ke/ho-so?**', { timeout: 2000 })
          .then(() => true)
          .catch(() => false);
        if (drilled) break;
      }
      assert(drilled, `clicking a bar of the month chart opens its dossiers (tried ${JSON.stringify(bars)})`);
      await page.waitForURL((url) => url.pathname === '/can-bo/thong-ke/ho-so' && url.searchParams.get('from') === `${y}-${m}-01`);
      await expectText(page.getByTestId('list-filters'), new RegExp(`Từ 01/${m}/${y}`), 'the period of that month');
      await page.getByTestId('list-table').waitFor();
      await expectCount(page.getByTestId('list-table').locator('tbody tr'), (n) => n >= 1, 'dossiers behind the bar');
      await shot(page, shots, 'dashboard-drill-down');

      // The same through the figures' table, with the keyboard: the on-time
      // (or early) dossiers of this month.
      await page.goBack();
      await page.getByTestId('chart-month').getByText('Xem bảng số liệu').click();
      const drill = page.locator(`[data-testid="drill-month-${month}-on_time"], [data-testid="drill-month-${month}-early"]`).first();
      await drill.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === '/can-bo/thong-ke/ho-so' && /^(on_time|early)$/.test(url.searchParams.get('outcome') ?? ''));
      await expectText(page.getByTestId('list-filters'), /Đã giải quyết (đúng|sớm) hạn/, 'the outcome in words');
      const first = page.getByTestId('list-table').locator('tbody tr').first().getByRole('link');
      const code = ((await first.textContent()) ?? '').trim();
      await first.click();
      await page.waitForURL(`**/can-bo/ho-so/${code}`);
      await expectText(page.getByTestId('dossier-title'), new RegExp(code.replace(/\./g, '\\.')), 'the dossier behind the bar');
    },
  },
  {
    name: 'late list: the control team sees overdue dossiers with the step, the person and how late, exports CSV, and has no action button',
    async run({ page, shots }) {
      // Ninety days on, the dossiers still open are overdue (the list only
      // reads, so the test clock changes nothing on the server).
      await page.route(
        (url) => url.pathname === '/api/dossiers',
        (route) => route.continue({ headers: { ...route.request().headers(), 'x-test-now': minutesFromNow(90) } }),
      );
      await login(page, 'kiemsoat1');
      await page.getByTestId('nav-late').click();
      await page.waitForURL('**/can-bo/ho-so-tre-han');
      await expectText(page.getByTestId('read-only'), /^Chỉ xem$/, 'says it is read only');
      await page.getByTestId('late-table').waitFor();
      const rows = page.getByTestId('late-table').locator('tbody tr');
      await expectCount(rows, (n) => n >= 1, 'overdue dossiers');
      await expectText(rows.first(), /Đang quá hạn/, 'the kind in words');
      await expectText(rows.first().getByTestId('late-days'), /^\d+(,\d)? ngày làm việc$/, 'how late in working days');
      await expectText(rows.first().getByTestId('late-step'), /^(?!—)\S/, 'the step whose time overran, or where the dossier waits');
      assert((await page.locator('[data-testid^="action-"]').count()) === 0, 'no action button on the late list');
      await shot(page, shots, 'late-list');

      const download = page.waitForEvent('download');
      await page.getByTestId('late-export').click();
      const file = await (await download).path();
      const csv = readFileSync(file, 'utf8');
      assert(csv.startsWith('\ufeff"Mã hồ sơ","Thủ tục","Đơn vị","Loại","Bước quá hạn"'), `CSV header: ${csv.slice(0, 120)}`);
      assert(csv.split('\r\n').length >= 3, 'the CSV has the rows');

      // Opening one: the dossier page offers the control team no action.
      const link = rows.first().getByRole('link');
      const code = ((await link.textContent()) ?? '').trim();
      await link.click();
      await page.waitForURL(`**/can-bo/ho-so/${code}`);
      await page.getByTestId('no-actions').waitFor();
      assert((await page.locator('[data-testid^="action-"]').count()) === 0, 'no action button for the control team');
    },
  },
  {
    name: 'notifications: the bell shows the unread count, opens the list and leads to the dossier',
    async run({ page, shots }) {
      // The specialist was assigned the journey's dossier in tests.mjs.
      await login(page, 'chuyenvien1.tcbc');
      const count = Number(await expectText(page.getByTestId('notification-count'), /^\d+$/, 'the unread count'));
      assert(count >= 1, 'at least one unread notification');
      const bell = page.getByTestId('notification-bell');
      assert(new RegExp(`Thông báo, ${count} chưa đọc`).test((await bell.getAttribute('aria-label')) ?? ''), 'the bell says the count');
      await bell.click();
      const panel = page.getByTestId('notification-panel');
      await panel.waitFor();
      await expectText(panel, /Chuyển hồ sơ/, 'a handover notice');
      await shot(page, shots, 'notifications-panel', false);
      // Escape closes the panel and gives the focus back to the bell.
      await page.keyboard.press('Escape');
      await expectCount(panel, (n) => n === 0, 'panel closed');
      assert(await bell.evaluate((el) => el === document.activeElement), 'focus back on the bell');

      // The page of all notifications; opening one marks it read.
      await bell.click();
      await page.getByTestId('notification-all').click();
      await page.waitForURL('**/can-bo/thong-bao');
      const unread = page.getByTestId('notifications-list').locator('li.unread');
      await expectCount(unread, (n) => n === count, 'the unread ones are marked');
      await shot(page, shots, 'notifications');
      const open = unread.first().getByRole('link');
      await open.click();
      await page.waitForURL('**/can-bo/ho-so/**');
      await page.getByTestId('dossier-title').waitFor();
      if (count === 1) await expectCount(page.getByTestId('notification-count'), (n) => n === 0, 'no unread left');
      else await expectText(page.getByTestId('notification-count'), new RegExp(`^${count - 1}$`), 'one fewer unread');
    },
  },
  {
    name: 'phone screen: the dashboard, the late list and the notifications fit without sideways scrolling',
    viewport: { width: 390, height: 844 },
    async run({ page, shots }) {
      await login(page, 'giamdoc');
      await page.goto('/can-bo/thong-ke');
      await page.getByTestId('chart-month-canvas').locator('svg').first().waitFor();
      await page.getByTestId('chart-procedure').waitFor();
      await afterRender(page);
      await expectNoHorizontalScroll(page, 'dashboard');
      await shot(page, shots, 'dashboard-phone');
      await page.goto('/can-bo/ho-so-tre-han');
      await page.locator('[data-testid="late-table"], [data-testid="late-empty"]').first().waitFor();
      await expectNoHorizontalScroll(page, 'late list');
      await page.getByTestId('notification-bell').click();
      await page.getByTestId('notification-panel').waitFor();
      await expectNoHorizontalScroll(page, 'notification panel');
    },
  },
];
