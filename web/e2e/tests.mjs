// The browser tests, in order. Each gets a fresh browser context (no cookies,
// no storage) and fails on any console error or warning it does not allow.
import { join } from 'node:path';
import {
  expectText,
  exactText,
  expectCount,
  assert,
  shot,
  search,
  afterRender,
  expectNoHorizontalScroll,
  FAILED_401,
  FAILED_404,
  DISSOLUTION,
  FAILED_403,
  FUND_REISSUE,
  FUND_PROCESS,
  login,
  confirmDialog,
  setHours,
  relogin,
  openDossierFromInbox,
  offered,
  actOn,
} from './helpers.mjs';

// The dossier journey (the scenario of tests/integration/it_dossier.c, at the
// desk): procedure 1.003950, process QT-08, TCBC. Shared by the tests below, in order.
const DOSSIER_PROCEDURE = '1.003950';
const APPLICANT = { name: 'Lê Văn Công', phone: '0900 111 222', address: 'Phố Hiến, Hưng Yên' };
const journey = { code: '' };

/** Open the journey's dossier from the inbox (tab mine or unit). */
const openFromInbox = (page, scope) => openDossierFromInbox(page, journey.code, scope);

/** Act on the journey's dossier. */
const act = (page, action, fill) => actOn(page, journey.code, action, fill);

export const tests = [
  {
    name: 'portal lists the catalog in Vietnamese',
    async run({ page, shots, demoAgency }) {
      const scripts = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(r.url());
      });
      await page.goto('/');
      await expectText(page.locator('h1'), /^Tra cứu thủ tục hành chính$/, 'heading');
      // The name GET /api/agency gives (demo/agency.json), not the short fallback.
      await expectText(page.getByTestId('agency-name'), exactText(demoAgency.name), 'agency in the header');
      await expectText(page.getByTestId('result-count'), /Tìm thấy \d+ thủ tục/, 'result count');
      await expectCount(page.getByTestId('result-link'), (n) => n >= 10, 'result links');
      assert((await page.getAttribute('html', 'lang')) === 'vi', 'html lang is not vi');
      const domains = await page.locator('#catalog-domain option').count();
      assert(domains >= 5, `only ${domains - 1} domains in the filter`);
      const heavy = scripts.filter((u) => /NavigatedViewer|Bpmn|ProcessEditor|OfficeLayout|People|Tokens/.test(u));
      assert(heavy.length === 0, `the portal loads back-office code: ${heavy.join(', ')}`);
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
      // The issue in force drawn by bpmn-js from GET …/versions/1/bpmn.
      const canvas = page.getByTestId('bpmn-canvas');
      await canvas.locator('.djs-shape[data-element-id="Task_tiep_nhan"]').waitFor();
      const tasks = await canvas.locator('.djs-shape[data-element-id^="Task_"]').count();
      const steps = (await page.request.get(`/api/processes/${await page.getByTestId('control-code').textContent()}/versions`).then((r) => r.json()))
        .versions[0].steps.length;
      assert(tasks === steps, `the diagram has ${tasks} tasks for ${steps} steps`);
      await expectText(canvas.locator('.djs-shape[data-element-id="Task_tiep_nhan"]'), /Tiếp nhận/, 'task label in Vietnamese');
      assert(/\/bpmn$/.test((await page.getByTestId('bpmn-download').getAttribute('href')) ?? ''), 'no BPMN download link');
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

  {
    name: 'a specialist drafts a new issue: the live check refuses an over-limit total, then it is saved and submitted',
    async run({ page, shots }) {
      await login(page, 'chuyenvien1.tcbc');
      await page.goto(`/quy-trinh/${FUND_PROCESS}/phien-ban`);
      await page.getByTestId('open-editor').click();
      await page.waitForURL(`**/can-bo/quy-trinh/${FUND_PROCESS}/soan-thao`);
      await expectCount(page.locator('[data-testid^="step-"]'), (n) => n === 8, 'steps of the current issue');
      await expectText(page.getByTestId('check-ok'), /Quy trình hợp lệ/, 'the current issue is valid');
      await expectText(page.getByTestId('total-hours'), /^96 giờ làm việc \(12 ngày\)/, 'total of the current issue');
      // Appraisal 35.5 h → 80 h: 140.5 h on the longest path, over 15 days (120 h).
      await setHours(page, 2, 80);
      await expectText(
        page.getByTestId('check-issue'),
        /Quy trình: đường xử lý dài nhất tiep_nhan → phan_cong → tham_dinh → xem_xet → phe_duyet → van_thu → trinh_ubnd → tra_ket_qua mất 140,5 giờ làm việc, vượt thời hạn theo quy định 15 ngày làm việc \(120 giờ làm việc\)\./,
        'over-limit message',
      );
      await expectText(page.getByTestId('verdict'), /Vượt thời hạn quy định 20,5 giờ làm việc/, 'verdict over');
      await expectText(page.getByTestId('legal-limit'), /15 ngày làm việc \(120 giờ làm việc/, 'both totals');
      assert(await page.getByTestId('save-draft').isDisabled(), 'save is possible over the limit');
      assert((await page.getByTestId('hours-2').getAttribute('aria-invalid')) === null, 'the hours input is blamed for the whole path');
      await shot(page, shots, 'editor-over-limit');
      // Quarter hours are refused on the field itself.
      await setHours(page, 2, 40.25);
      await expectText(page.getByTestId('check-issue'), /Bước 3 \(tham_dinh\), số giờ làm việc: phải là số giờ làm việc lớn hơn 0/, 'quarter hours');
      assert((await page.getByTestId('hours-2').getAttribute('aria-invalid')) === 'true', 'the hours input is not marked invalid');
      await setHours(page, 2, 43.5);
      await expectText(page.getByTestId('check-ok'), /Quy trình hợp lệ/, 'fixed');
      await expectText(page.getByTestId('total-hours'), /^104 giờ làm việc \(13 ngày\)/, 'new total');
      await shot(page, shots, 'editor');
      await page.getByTestId('save-draft').click();
      await page.waitForURL(`**/quy-trinh/${FUND_PROCESS}/phien-ban?saved=2`);
      await expectText(page.getByTestId('versions-notice'), /^Đã lưu dự thảo lần ban hành 02\.$/, 'saved notice');
      await expectText(page.locator('[data-testid="versions-table"] tbody tr').first(), /^02\s*(Xem sơ đồ lần ban hành 02)?Dự thảo/, 'draft in the history');
      await page.getByTestId('transition-submitted').click();
      await expectText(page.getByTestId('confirm-dialog'), /Trình lần ban hành 02/, 'confirmation question');
      await confirmDialog(page);
      await expectText(page.getByTestId('versions-notice'), /^Lần ban hành 02: Đã trình duyệt\.$/, 'submitted notice');
      await expectText(page.locator('[data-testid="versions-table"] tbody tr').first(), /Đã trình duyệt/, 'submitted in the history');
      assert((await page.getByTestId('transition-approved').count()) === 0, 'a specialist is offered the approval');
      await shot(page, shots, 'versions-submitted');
    },
  },
  {
    name: 'the director approves and puts the new issue into effect; the portal shows issue 2',
    async run({ page, shots, demoPeople }) {
      const director = demoPeople.find((p) => p.username === 'giamdoc');
      await login(page, 'giamdoc');
      await page.goto(`/quy-trinh/${FUND_PROCESS}/phien-ban`);
      await expectText(page.getByTestId('control-issue'), /^01$/, 'issue 01 in force before');
      assert((await page.getByTestId('open-editor').count()) === 0, 'the director is offered the editor');
      await page.getByTestId('transition-approved').click();
      await confirmDialog(page);
      await expectText(page.getByTestId('versions-notice'), /^Lần ban hành 02: Đã phê duyệt\.$/, 'approved');
      await page.getByTestId('transition-effective').click();
      await expectText(page.getByTestId('confirm-dialog'), /Lần ban hành đang hiệu lực sẽ được thay thế/, 'effective question');
      await confirmDialog(page);
      await expectText(page.getByTestId('versions-notice'), /^Lần ban hành 02: Đang hiệu lực\.$/, 'effective');
      await expectText(page.getByTestId('control-issue'), /^02$/, 'issue 02 in the control block');
      await expectText(page.getByTestId('control-approver'), new RegExp(director.full_name), 'approver by name');
      await expectText(page.getByTestId('control-drafter'), /^(?!chuyenvien1)/, 'drafter by name, not username');
      await expectText(page.locator('[data-testid="versions-table"] tbody'), /Đã thay thế/, 'issue 01 superseded');
      await shot(page, shots, 'versions-effective');
      await page.goto(`/thu-tuc/${FUND_REISSUE}`);
      await expectText(page.getByTestId('process-meta'), /QT-07, lần ban hành 2/, 'the portal shows the new issue');
      await expectText(page.getByTestId('total-hours'), /^104 giờ làm việc/, 'the portal shows the new total');
    },
  },
  {
    name: 'the administrator creates a person with a role, who then logs in',
    async run({ page, shots }) {
      await login(page, 'quantri');
      await page.getByTestId('nav-people').click();
      await page.waitForURL('**/can-bo/nhan-su');
      await expectText(page.getByTestId('people-count'), /^\d+ cán bộ$/, 'people count');
      await expectText(page.getByTestId('person-giamdoc'), /Giám đốc, Ban Giám đốc Sở/, 'roles with Vietnamese titles');
      await page.getByTestId('unit-TCBC').click();
      await expectText(page.getByTestId('people-count'), /^5 cán bộ$/, 'people of TCBC');
      await shot(page, shots, 'people');
      await page.getByTestId('add-person').click();
      await page.waitForURL('**/can-bo/nhan-su/them');
      await page.getByTestId('person-submit').click();
      await expectText(page.locator('#person-username-error'), /Tên đăng nhập phải gồm 3–32 ký tự/, 'username required');
      assert(await page.evaluate(() => document.activeElement?.id === 'person-username'), 'focus is not on the username');
      await page.getByLabel('Tên đăng nhập').fill('chuyenvien4.tcbc');
      await expectCount(page.locator('#person-username-error'), (n) => n === 0, 'the username message goes once corrected');
      await page.getByLabel('Họ và tên').fill('Đặng Thị Minh Thư');
      await page.getByLabel('Chức vụ').fill('Chuyên viên');
      await page.getByLabel('Mật khẩu', { exact: true }).fill('motcua-demo');
      await page.getByLabel('Vai trò 1', { exact: true }).selectOption('specialist');
      await page.getByLabel('Đơn vị của vai trò 1').selectOption('TCBC');
      await expectCount(page.locator('.error'), (n) => n === 0, 'no message left on a complete form');
      await shot(page, shots, 'person-new');
      await page.getByTestId('person-submit').click();
      await page.waitForURL('**/can-bo/nhan-su/chuyenvien4.tcbc?created=1');
      await expectText(page.getByTestId('person-notice'), /Đã thêm cán bộ Đặng Thị Minh Thư\./, 'created');
      await expectText(page.getByTestId('person-roles'), /Chuyên viên, Phòng Tổ chức – Biên chế/, 'role shown');
      // A second role, confirmed.
      await page.getByRole('button', { name: 'Thêm vai trò' }).click();
      await page.getByLabel('Vai trò 2', { exact: true }).selectOption('clerk');
      await page.getByLabel('Đơn vị của vai trò 2').selectOption('VP');
      await page.getByTestId('person-submit').click();
      await confirmDialog(page);
      await expectText(page.getByTestId('person-notice'), /Đã lưu thay đổi của Đặng Thị Minh Thư\./, 'saved');
      await expectText(page.getByTestId('person-roles'), /Văn thư, Văn phòng Sở/, 'second role');
      await shot(page, shots, 'person-edit');
      // The same username again is a clear conflict.
      await page.goto('/can-bo/nhan-su/them');
      await page.getByLabel('Tên đăng nhập').fill('chuyenvien4.tcbc');
      await page.getByLabel('Họ và tên').fill('Người khác');
      await page.getByLabel('Vai trò 1', { exact: true }).selectOption('specialist');
      await page.getByLabel('Đơn vị của vai trò 1').selectOption('VP');
      await page.getByTestId('person-submit').click();
      await expectText(page.getByRole('alert'), /Tên đăng nhập chuyenvien4\.tcbc đã có người dùng/, 'conflict sentence');
      await page.getByTestId('logout').click();
      await page.waitForURL((url) => url.pathname === '/');
      await login(page, 'chuyenvien4.tcbc');
      await expectText(page.getByTestId('office-greeting'), /Đặng Thị Minh Thư/, 'the new person is in');
      await expectText(page.getByTestId('office-roles'), /Văn thư, Văn phòng Sở/, 'with the role given');
    },
    allowConsole: [/Failed to load resource: the server responded with a status of 409/],
  },
  {
    name: 'a non-administrator cannot reach administration pages, and the server says 403',
    allowConsole: [FAILED_403],
    async run({ page }) {
      await login(page, 'chuyenvien1.tcbc');
      assert((await page.getByTestId('nav-people').count()) === 0, 'a specialist sees the staff menu');
      assert((await page.getByTestId('nav-new-person').count()) === 0, 'a specialist sees "add a person"');
      await page.goto('/can-bo/nhan-su/them');
      await page.waitForURL('**/can-bo/khong-co-quyen');
      await expectText(page.getByTestId('forbidden'), /^Không có quyền truy cập$/, 'forbidden page');
      const status = await page.evaluate(async () => {
        const r = await fetch('/api/people', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': sessionStorage.getItem('motcua.csrf') ?? '' },
          body: JSON.stringify({ username: 'ke.gian', full_name: 'Kẻ gian', roles: [{ role: 'admin', unit: 'VP' }] }),
        });
        return r.status;
      });
      assert(status === 403, `the server answered ${status} to a specialist creating a person`);
      // A head reads the directory but cannot change it.
      await page.getByTestId('logout').click();
      await page.waitForURL((url) => url.pathname === '/');
      await login(page, 'truongphong.tcbc');
      await page.getByTestId('nav-people').click();
      await expectText(page.getByTestId('people-read-only'), /Bạn chỉ được xem danh sách/, 'read-only note');
      assert((await page.getByTestId('add-person').count()) === 0, 'a head is offered "add a person"');
      await page.goto('/can-bo/nhan-su/giamdoc');
      await page.waitForURL('**/can-bo/khong-co-quyen');
    },
  },
  {
    name: 'API tokens: created and shown once with a copy button, listed, revoked',
    async run({ page, context, shots, baseUrl }) {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
      await login(page, 'motcua1');
      await page.getByTestId('nav-tokens').click();
      await page.waitForURL('**/can-bo/khoa-truy-cap');
      await expectText(page.getByTestId('no-tokens'), /chưa có khoá truy cập nào/, 'no token yet');
      await page.getByTestId('create-token').click();
      await expectText(page.locator('#token-name-error'), /Vui lòng nhập tên gợi nhớ/, 'name required');
      await page.getByLabel('Tên gợi nhớ của khoá').fill('Kết nối phần mềm văn bản');
      await page.getByTestId('create-token').click();
      const secret = await page.getByTestId('new-token-value').inputValue();
      assert(/^mct_[A-Za-z0-9_-]{43}$/.test(secret), `not a token: ${secret}`);
      await page.getByTestId('copy-token').click();
      await expectText(page.getByTestId('new-token'), /Đã sao chép vào bộ nhớ tạm/, 'copied');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert(copied === secret, 'the clipboard does not hold the token');
      await expectText(page.getByTestId('tokens-table'), /Kết nối phần mềm văn bản\s*\S+.*Chưa dùng\s*Đang dùng/s, 'listed');
      await shot(page, shots, 'tokens');
      const who = await fetch(`${baseUrl}/api/session`, { headers: { Authorization: `Bearer ${secret}` } });
      assert(who.status === 200 && (await who.json()).via === 'token', 'the token does not work');
      await page.getByRole('button', { name: 'Tôi đã lưu khoá' }).click();
      assert((await page.getByTestId('new-token').count()) === 0, 'the secret is still shown');
      await page.getByRole('button', { name: 'Thu hồi khoá Kết nối phần mềm văn bản' }).click();
      await confirmDialog(page);
      await expectText(page.getByTestId('tokens-table'), /Đã thu hồi/, 'revoked');
      const after = await fetch(`${baseUrl}/api/session`, { headers: { Authorization: `Bearer ${secret}` } });
      assert(after.status === 401, `a revoked token still answers ${after.status}`);
    },
  },
  {
    name: 'keyboard only: edit hours, add a step and save in the process editor',
    async run({ page, shots }) {
      await login(page, 'truongphong.tcbc');
      await page.goto('/can-bo/quy-trinh/QT-08/soan-thao');
      await expectText(page.getByTestId('check-ok'), /Quy trình hợp lệ/, 'editor loaded');
      const focused = () =>
        page.evaluate(() => ({
          testid: document.activeElement?.getAttribute('data-testid') ?? '',
          label: document.activeElement?.getAttribute('aria-label') ?? '',
          id: document.activeElement?.id ?? '',
          outline: document.activeElement ? getComputedStyle(document.activeElement).outlineStyle : 'none',
        }));
      async function tabTo(predicate, what, limit = 60) {
        for (let i = 0; i < limit; i++) {
          await page.keyboard.press('Tab');
          const f = await focused();
          if (predicate(f)) return f;
        }
        throw new Error(`Tab never reached ${what}`);
      }
      const add = await tabTo((f) => f.label === 'Thêm bước sau bước 1', 'add after step 1');
      assert(add.outline !== 'none', 'no focus outline on the add button');
      await page.keyboard.press('Enter');
      await expectCount(page.locator('[data-testid^="step-"]'), (n) => n === 9, 'a step was added');
      await page.waitForFunction(() => /-name$/.test(document.activeElement?.id ?? ''));
      await expectText(page.getByTestId('check-issue'), /Bước 2 \(buoc_9\), tên bước: không được để trống\./, 'an empty name is refused');
      await page.keyboard.type('Kiểm tra sơ bộ hồ sơ');
      await expectText(page.getByTestId('step-1'), /Kiểm tra sơ bộ hồ sơ/, 'the new step is the second');
      await expectText(page.getByTestId('check-ok'), /Quy trình hợp lệ/, 'valid with a name');
      const hours = await tabTo((f) => f.testid === 'hours-1', 'the new step hours');
      assert(hours.outline !== 'none', 'no focus outline on the hours input');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('8');
      await expectText(page.getByTestId('total-hours'), /^104 giờ làm việc \(13 ngày\)/, 'total with the new 8 h step');
      await shot(page, shots, 'editor-keyboard', false);
      const up = await tabTo((f) => f.label === 'Chuyển bước 3 lên', 'move step 3 up');
      assert(up.outline !== 'none', 'no focus outline on the move button');
      await page.keyboard.press('Enter');
      await expectText(page.getByTestId('step-2'), /Kiểm tra sơ bộ hồ sơ/, 'the new step is now third');
      await expectText(page.getByTestId('step-1'), /Bước 2: Xem xét hồ sơ, phân công/, 'assignment moved up');
      await tabTo((f) => f.testid === 'save-draft', 'the save button', 200);
      await page.keyboard.press('Enter');
      await page.waitForURL('**/quy-trinh/QT-08/phien-ban?saved=2');
      await expectText(page.getByTestId('versions-notice'), /Đã lưu dự thảo lần ban hành 02/, 'saved by keyboard');
    },
  },
  {
    name: 'phone screen: back-office menu, staff list and editor fit without sideways scrolling',
    viewport: { width: 390, height: 844 },
    async run({ page, shots }) {
      await login(page, 'truongphong.tcbc');
      await expectNoHorizontalScroll(page, 'staff home');
      await shot(page, shots, 'mobile-office-home', false);
      await page.getByTestId('nav-people').click();
      await page.getByTestId('people-table').waitFor();
      await expectNoHorizontalScroll(page, 'staff list');
      await shot(page, shots, 'mobile-people', false);
      await page.goto('/can-bo/quy-trinh/QT-01/soan-thao');
      await page.getByTestId('check-panel').waitFor();
      await expectNoHorizontalScroll(page, 'process editor');
      await shot(page, shots, 'mobile-editor', false);
      await page.getByTestId('step-0').scrollIntoViewIfNeeded();
      await shot(page, shots, 'mobile-editor-step', false);
      await page.goto('/can-bo/khoa-truy-cap');
      await page.getByTestId('no-tokens').waitFor();
      await expectNoHorizontalScroll(page, 'tokens');
      await shot(page, shots, 'mobile-tokens', false);
    },
  },
  {
    name: 'dossier: reception receives a dossier at the desk and prints the receipt with code and appointment',
    async run({ page, shots }) {
      await login(page, 'motcua1');
      await page.getByTestId('nav-reception').click();
      await page.waitForURL('**/can-bo/tiep-nhan');
      // Nothing chosen: the form says what is missing, in words.
      await page.getByTestId('reception-submit').click();
      await expectText(page.locator('#rc-procedure-error'), /Vui lòng nhập thủ tục hành chính/, 'procedure required');
      await expectText(page.locator('#rc-phone-error'), /Vui lòng nhập số điện thoại/, 'phone required');
      await page.getByLabel('Tìm thủ tục (tên hoặc mã)').fill(DOSSIER_PROCEDURE);
      await page.getByLabel('Thủ tục hành chính *').selectOption(DOSSIER_PROCEDURE);
      await page.getByLabel('Họ và tên').fill(APPLICANT.name);
      await page.getByLabel('Số điện thoại').fill('12a');
      await page.getByTestId('reception-submit').click();
      await expectText(page.locator('#rc-phone-error'), /ít nhất 6 chữ số/, 'bad phone');
      await page.getByLabel('Số điện thoại').fill(APPLICANT.phone);
      await page.getByLabel('Địa chỉ').fill(APPLICANT.address);
      await shot(page, shots, 'reception-form');
      await page.getByTestId('reception-submit').click();
      const code = await expectText(page.getByTestId('receipt-code'), /^000\.00\.99\.H99-\d{6}-\d{4}$/, 'the receipt shows the code');
      journey.code = code.trim();
      await expectText(page.getByTestId('receipt-due'), /\d{2}\/\d{2}\/\d{2}/, 'and the appointment');
      await expectText(page.getByTestId('receipt'), /Giấy tiếp nhận hồ sơ và hẹn trả kết quả[\s\S]*Nguyễn Thị Lan/, 'receipt title and officer');
      await page.emulateMedia({ media: 'print' });
      assert(!(await page.getByTestId('office-nav').isVisible()), 'the menu is printed');
      assert(!(await page.getByTestId('print').isVisible()), 'the print button is printed');
      await shot(page, shots, 'reception-receipt-print');
      await page.emulateMedia({ media: 'screen' });
      await page.getByTestId('open-dossier').click();
      await page.waitForURL(`**/can-bo/ho-so/${journey.code}`);
      await expectText(page.getByTestId('dossier-status'), /^Được tiếp nhận$/, 'status in Vietnamese');
      await expectText(page.getByTestId('applicant-name'), /^Lê Văn Công$/, 'applicant');
      await expectText(page.getByTestId('hop-1'), /Tiếp nhận/, 'the slip starts with the receipt');
      await act(page, 'transfer');
      await expectText(page.getByTestId('dossier-step'), /./, 'at the first step of the division');
      await expectText(page.getByTestId('slip'), /Chuyển phòng chuyên môn/, 'the transfer is on the slip');
      await shot(page, shots, 'dossier-transferred');
    },
  },
  {
    name: 'dossier: the head forwards and assigns, the specialist sees it in his inbox and forwards; a stale version is reloaded and said',
    async run({ page, shots }) {
      assert(journey.code, 'no dossier from the reception test');
      await login(page, 'truongphong.tcbc');
      await openFromInbox(page, 'unit');
      await act(page, 'forward');
      // The assignment form checks its field before sending.
      await page.getByTestId('action-assign').click();
      await page.getByTestId('action-submit').click();
      await expectText(page.locator('#e-assignee'), /Vui lòng chọn cán bộ được phân công/, 'assignee required');
      await page.getByTestId('action-assign').click();
      await act(page, 'assign', (form) => form.getByLabel('Cán bộ được phân công').selectOption('chuyenvien1.tcbc'));
      await expectText(page.getByTestId('dossier-holder'), /Trần Minh Hiếu/, 'assigned');
      await relogin(page, 'chuyenvien1.tcbc');
      await page.getByTestId('nav-inbox').click();
      const row = page.getByTestId(`inbox-row-${journey.code}`);
      await row.waitFor();
      await expectText(row.getByTestId('time-left'), /^(Sớm hạn|Còn dưới 1 ngày làm việc|Quá hạn) (Còn|Quá hạn) .*làm việc/, 'a worded time class');
      await shot(page, shots, 'inbox-specialist');
      await openFromInbox(page, 'mine');
      const actions = await offered(page);
      assert(!actions.includes('approve') && !actions.includes('assign'), `a specialist is offered ${actions.join(', ')}`);
      await shot(page, shots, 'dossier-specialist');
      await act(page, 'forward', (form) => form.getByLabel('Ghi chú (không bắt buộc)').fill('Hồ sơ đủ điều kiện'));
      await expectText(page.getByTestId('slip'), /Ghi chú: Hồ sơ đủ điều kiện/, 'the note is on the slip');
      await relogin(page, 'truongphong.tcbc');
      await openFromInbox(page, 'unit');
      // Meanwhile the same dossier is forwarded from another window: the page's version is stale.
      const other = await page.evaluate(async (code) => {
        const d = await (await fetch(`/api/dossiers/${code}`)).json();
        const r = await fetch(`/api/dossiers/${code}/actions`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': sessionStorage.getItem('motcua.csrf') ?? '' },
          body: JSON.stringify({ action: 'forward', version: d.version }),
        });
        return r.status;
      }, journey.code);
      assert(other === 200, `the other window's forward: ${other}`);
      await page.getByTestId('action-forward').click();
      await page.getByTestId('action-submit').click();
      await expectText(page.getByTestId('error-message'), /^Hồ sơ vừa được người khác cập nhật nên thao tác chưa được thực hiện\. Trang đã tải lại/, '409 in words');
      await expectText(page.getByTestId('dossier-step'), /Phó Giám đốc Sở phụ trách xem xét, phê duyệt/, 'reloaded at the next step');
      assert(!(await offered(page)).includes('forward'), 'the stale forward is still offered');
      await shot(page, shots, 'dossier-stale');
    },
    allowConsole: [/Failed to load resource: the server responded with a status of 409/],
  },
  {
    name: 'dossier: the deputy director signs, the clerk and the specialist forward, the desk returns the result',
    async run({ page, shots }) {
      assert(journey.code, 'no dossier from the reception test');
      await login(page, 'phogiamdoc1');
      await page.goto(`/can-bo/ho-so/${journey.code}`);
      await page.getByTestId('actions').waitFor();
      await page.getByTestId('action-approve').click();
      await page.getByTestId('action-submit').click();
      await expectText(page.locator('#e-signature'), /Vui lòng xác nhận ký duyệt/, 'signature required');
      await act(page, 'approve', (form) => form.getByLabel('Tôi ký số và chịu trách nhiệm về quyết định này').check());
      await relogin(page, 'vanthu1');
      await openFromInbox(page, 'unit');
      await act(page, 'forward');
      // trinh_ubnd waits in the division's queue, unassigned: the unit tab.
      await relogin(page, 'chuyenvien1.tcbc');
      await openFromInbox(page, 'unit');
      await act(page, 'forward');
      await relogin(page, 'motcua1');
      await openFromInbox(page, 'unit');
      await act(page, 'result_ready');
      await act(page, 'return_result');
      await expectText(page.getByTestId('dossier-status'), /^Đã trả kết quả$/, 'returned');
      await expectText(page.getByTestId('no-actions'), /không có thao tác nào/, 'nothing left to do');
      await expectText(page.getByTestId('dossier-verdict'), /^(Sớm hạn|Đúng hạn)$/, 'finished in time');
      await expectCount(page.locator('[data-testid^="hop-"]'), (n) => n === 11, 'eleven handovers');
      await expectText(page.getByTestId('hop-4'), /Phân công[\s\S]*Trần Minh Hiếu/, 'the assignment names the specialist');
      await shot(page, shots, 'dossier-returned');
    },
  },
  {
    name: 'dossier: the citizen looks it up by code and phone, rates it, and reports a problem',
    allowConsole: [FAILED_404],
    async run({ page, shots }) {
      assert(journey.code, 'no dossier from the reception test');
      await page.goto('/');
      await page.getByTestId('nav-lookup').click();
      await page.getByLabel('Mã hồ sơ hoặc mã tham chiếu').fill(journey.code);
      await page.getByLabel('Số điện thoại').fill('0900 999 999');
      await page.getByTestId('lookup-submit').click();
      await expectText(page.getByTestId('error-message'), /Không tìm thấy hồ sơ khớp với mã và số điện thoại này/, 'a wrong phone reveals nothing');
      await page.getByLabel('Số điện thoại').fill('0900111222');
      await page.getByTestId('lookup-submit').click();
      await expectText(page.getByTestId('lookup-status'), /^Đã trả kết quả$/, 'status');
      await expectText(page.getByTestId('lookup-appointment'), /\d{2}\/\d{2}\/\d{2}/, 'appointment');
      await page.getByTestId('send-rating').click();
      await expectText(page.getByTestId('rating').getByTestId('error-message'), /Vui lòng chọn mức độ hài lòng/, 'a score is needed');
      await page.getByLabel('5 – Rất hài lòng').check();
      await page.getByLabel('Góp ý (không bắt buộc)').fill('Cán bộ hướng dẫn tận tình');
      await page.getByTestId('send-rating').click();
      await expectText(page.getByTestId('rated'), /Cảm ơn bạn đã đánh giá \(5\/5\)/, 'rated');
      await page.getByLabel('Nội dung phản ánh').fill('Thời gian chờ tại quầy hơi lâu');
      await page.getByTestId('send-report').click();
      await expectText(page.getByTestId('reported'), /Đã gửi phản ánh/, 'reported');
      await shot(page, shots, 'lookup-rated');
      // Looked up again, the rating is remembered.
      await page.getByTestId('lookup-submit').click();
      await expectText(page.getByTestId('already-rated'), /đã được đánh giá \(5\/5\)/, 'rated once');
    },
  },
  {
    name: 'dossier: a specialist of another unit does not see it and gets a human 403 sentence',
    allowConsole: [FAILED_403],
    async run({ page, shots }) {
      assert(journey.code, 'no dossier from the reception test');
      await login(page, 'chuyenvien1.xdcq');
      await page.getByTestId('nav-inbox').click();
      await page.getByTestId('scope-unit').click();
      await page.waitForURL('**/can-bo/ho-so?scope=unit');
      await page.locator('[data-testid="inbox-table"], [data-testid="inbox-empty"]').first().waitFor();
      assert((await page.getByTestId(`inbox-row-${journey.code}`).count()) === 0, 'another unit sees the dossier');
      await page.goto(`/can-bo/ho-so/${journey.code}`);
      await expectText(page.getByTestId('error-message'), /^Bạn không có quyền xem hồ sơ này: hồ sơ không thuộc đơn vị của bạn/, '403 in words');
      await shot(page, shots, 'dossier-forbidden');
    },
  },
  {
    name: 'online: a citizen submits on the procedure page and gets a reference; the desk accepts it; the director sees the dashboard',
    allowConsole: [],
    async run({ page, shots }) {
      await page.goto(`/thu-tuc/${DOSSIER_PROCEDURE}`);
      await page.getByTestId('open-submission').click();
      await page.getByTestId('online-submission').getByLabel('Họ và tên').fill('Trần Thị Bình');
      await page.getByTestId('online-submission').getByLabel('Số điện thoại').fill('0987654321');
      await page.getByTestId('send-submission').click();
      const ref = (await expectText(page.getByTestId('submitted-ref'), /^\S{6,}$/, 'a reference')).trim();
      await shot(page, shots, 'online-submitted');
      await page.getByRole('link', { name: 'Tra cứu hồ sơ này' }).click();
      await page.getByLabel('Số điện thoại').fill('0987654321');
      await page.getByTestId('lookup-submit').click();
      await expectText(page.getByTestId('lookup-status'), /^Mới đăng ký$/, 'waiting for the desk');
      await login(page, 'motcua2');
      await page.goto(`/can-bo/ho-so/${ref}`);
      await page.getByTestId('actions').waitFor();
      const answered = page.waitForResponse((r) => r.url().includes('/actions') && r.request().method() === 'POST');
      await page.getByTestId('action-accept').click();
      await page.getByTestId('action-submit').click();
      assert((await answered).status() === 200, 'accept refused');
      await expectText(page.getByTestId('dossier-title'), /Hồ sơ 000\.00\.99\.H99-\d{6}-\d{4}/, 'the accepted dossier has its code');
      await relogin(page, 'giamdoc');
      await page.getByTestId('nav-dashboard').click();
      await page.getByTestId('dashboard-table').waitFor();
      const month = await page.locator('#db-to').inputValue();
      await expectText(page.getByTestId(`stat-${month}-TCBC`), /Tổ chức[\s\S]*100\s?%/, 'TCBC finished the journey on time');
      await shot(page, shots, 'dashboard');
    },
  },
{
    name: 'phone screen: inbox, dossier page and lookup fit without sideways scrolling',
    viewport: { width: 390, height: 844 },
    async run({ page, shots }) {
      assert(journey.code, 'no dossier from the reception test');
      await login(page, 'truongphong.tcbc');
      await page.goto(`/can-bo/ho-so/${journey.code}`);
      await page.getByTestId('slip').waitFor();
      await expectNoHorizontalScroll(page, 'dossier page');
      await shot(page, shots, 'mobile-dossier', false);
      await page.getByTestId('nav-inbox').click();
      await page.locator('[data-testid="inbox-table"], [data-testid="inbox-empty"]').first().waitFor();
      await expectNoHorizontalScroll(page, 'inbox');
      await page.goto('/tra-cuu');
      await page.getByTestId('lookup-form').waitFor();
      await expectNoHorizontalScroll(page, 'lookup');
      await shot(page, shots, 'mobile-lookup', false);
    },
  },
];
