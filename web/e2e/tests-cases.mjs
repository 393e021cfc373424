// Browser tests of the supplement round trip (issue 5 item 5) and of
// internal cases (issue 4: "internal work items run the same way"). They run
// after tests.mjs on the same server and make their own dossiers.
import { expectText, assert, shot, login, relogin, openDossierFromInbox, actOn, offered, FAILED_404 } from './helpers.mjs';

const PROCEDURE = '1.003950'; // QT-08: reception → TCBC head → TCBC specialist …, 15 working days
const APPLICANT = { name: 'Phạm Thị Hoa', phone: '0900 333 444' };
const MISSING = ['Bản sao Quyết định thành lập quỹ', 'Danh sách thành viên Hội đồng quản lý quỹ'];
const round = { code: '' };

/** The citizen's lookup by code and phone, as on the portal. */
async function lookUp(page, code, phone) {
  await page.goto('/');
  await page.getByTestId('nav-lookup').click();
  await page.getByLabel('Mã hồ sơ hoặc mã tham chiếu').fill(code);
  await page.getByLabel('Số điện thoại').fill(phone);
  await page.getByTestId('lookup-submit').click();
  await page.getByTestId('lookup-result').waitFor();
}

/** The dossier as the API gives it to the page's session. */
async function apiDossier(page, code) {
  return page.evaluate(async (c) => (await fetch(`/api/dossiers/${c}`)).json(), code);
}

export const tests = [
  {
    name: 'supplement: the specialist asks for every missing component at once; the dossier page and the citizen see it',
    async run({ page, shots }) {
      await login(page, 'motcua1');
      await page.getByTestId('nav-reception').click();
      await page.getByLabel('Tìm thủ tục (tên hoặc mã)').fill(PROCEDURE);
      await page.getByLabel('Thủ tục hành chính *').selectOption(PROCEDURE);
      await page.getByLabel('Họ và tên').fill(APPLICANT.name);
      await page.getByLabel('Số điện thoại').fill(APPLICANT.phone);
      await page.getByTestId('reception-submit').click();
      round.code = (await expectText(page.getByTestId('receipt-code'), /^000\.00\.99\.H99-\d{6}-\d{4}$/, 'code')).trim();
      await page.getByTestId('open-dossier').click();
      await page.waitForURL(`**/can-bo/ho-so/${round.code}`);
      await page.getByTestId('actions').waitFor();
      await actOn(page, round.code, 'transfer');
      await relogin(page, 'truongphong.tcbc');
      await openDossierFromInbox(page, round.code, 'unit');
      await actOn(page, round.code, 'forward');
      await actOn(page, round.code, 'assign', (form) => form.getByLabel('Cán bộ được phân công').selectOption('chuyenvien2.tcbc'));
      await relogin(page, 'chuyenvien2.tcbc');
      await openDossierFromInbox(page, round.code, 'mine');
      // Nothing listed: the form says so before sending.
      await page.getByTestId('action-request_supplement').click();
      await page.getByTestId('action-submit').click();
      await expectText(page.getByTestId('action-form'), /Vui lòng liệt kê ít nhất một thành phần cần bổ sung/, 'missing required');
      await page.getByTestId('action-request_supplement').click();
      await actOn(page, round.code, 'request_supplement', (form) =>
        form.getByLabel('Thành phần hồ sơ cần bổ sung (mỗi dòng một thành phần)').fill(MISSING.join('\n')),
      );
      await expectText(page.getByTestId('dossier-status'), /^Yêu cầu bổ sung giấy tờ$/, 'status 5 in words');
      await expectText(page.getByTestId('slip'), new RegExp(`${MISSING[0]}; ${MISSING[1]}`), 'the slip lists every missing component');
      await expectText(page.getByTestId('time-left'), /đang tạm dừng/, 'the clocks are paused while the applicant supplements');
      assert(!(await offered(page)).includes('forward'), 'the step still offers forward while waiting for the applicant');
      const d = await apiDossier(page, round.code);
      assert(d.status === 5 && d.clock.state === 'paused', `status ${d.status}, clock ${d.clock?.state}`);
      await shot(page, shots, 'supplement-requested');
      await relogin(page, 'motcua1');
      await lookUp(page, round.code, APPLICANT.phone);
      await expectText(page.getByTestId('lookup-status'), /^Yêu cầu bổ sung giấy tờ$/, 'the citizen sees status 5');
      await expectText(page.getByTestId('lookup-supplement'), new RegExp(`${MISSING[0]}[\\s\\S]*${MISSING[1]}`), 'and what to bring');
      await shot(page, shots, 'lookup-supplement');
    },
  },
  {
    name: 'supplement: the desk receives the missing papers, processing resumes with a restarted clock (NĐ 61 Điều 19.4)',
    async run({ page, shots }) {
      assert(round.code, 'no dossier from the previous test');
      await login(page, 'motcua1');
      // Waiting for the applicant, the dossier is in the desk's queue.
      await openDossierFromInbox(page, round.code, 'unit');
      const before = await apiDossier(page, round.code);
      await actOn(page, round.code, 'supplement_received', (form) => form.getByLabel('Ghi chú (không bắt buộc)').fill('Công dân đã nộp đủ'));
      await expectText(page.getByTestId('dossier-status'), /^Đang xử lý$/, 'processing again');
      await expectText(page.getByTestId('dossier-holder'), /./, 'back with the assigned specialist');
      await expectText(page.getByTestId('slip'), /Công dân đã nộp đủ/, 'the receipt of the papers is on the slip');
      const times = await page.getByTestId('time-left').allTextContents();
      assert(times.every((x) => !/tạm dừng/.test(x)), `a clock is still paused: ${times.join(' | ')}`);
      // The rule set of the dossier (NĐ 61/2018) restarts the legal time limit: nothing consumed,
      // the whole 15 working days ahead again; the step's own clock resumes where it stopped.
      const after = await apiDossier(page, round.code);
      assert(after.ruleset === before.ruleset, 'the rule set changed');
      assert(after.clock.state === 'running' && after.clock.consumed === 0, `dossier clock ${JSON.stringify(after.clock)}`);
      assert(after.clock.budget === 15 * 480, `budget ${after.clock.budget}`);
      assert(after.legal_due_at >= before.legal_due_at, `the legal due time moved back: ${before.legal_due_at} → ${after.legal_due_at}`);
      assert(after.step_clock.state === 'running', `step clock ${after.step_clock.state}`);
      await shot(page, shots, 'supplement-received');
      await lookUp(page, round.code, APPLICANT.phone);
      await expectText(page.getByTestId('lookup-status'), /^Đang xử lý$/, 'the citizen sees processing resumed');
      assert((await page.getByTestId('lookup-supplement').count()) === 0, 'the request is still shown after the papers came');
    },
  },
  {
    name: 'case: a specialist opens an internal case for his unit’s work item; it runs like a dossier',
    allowConsole: [FAILED_404],
    async run({ page, shots }) {
      // Another unit's specialist is not offered the VP's items.
      await login(page, 'chuyenvien1.tcbc');
      await page.getByTestId('nav-open-case').click();
      await page.waitForURL('**/can-bo/mo-ho-so-cong-viec');
      await page.locator('#co-item option').nth(1).waitFor({ state: 'attached' });
      const tcbcItems = await page.locator('#co-item option').allTextContents();
      assert(!tcbcItems.some((x) => x.startsWith('NB-VP-')), `TCBC is offered ${tcbcItems.join(', ')}`);
      assert(tcbcItems.some((x) => x.startsWith('NB-TCBC-')), 'TCBC is not offered its own items');
      await relogin(page, 'chuyenvien1.vp');
      await page.getByTestId('nav-open-case').click();
      await page.waitForURL('**/can-bo/mo-ho-so-cong-viec');
      await page.locator('#co-item option').nth(1).waitFor({ state: 'attached' });
      await page.getByTestId('case-submit').click();
      await expectText(page.locator('#co-item-error'), /Vui lòng nhập công việc nội bộ/, 'item required');
      await expectText(page.locator('#co-subject-error'), /Vui lòng nhập nội dung công việc/, 'subject required');
      await page.getByLabel('Công việc nội bộ *').selectOption('NB-VP-04');
      await expectText(page.locator('.case-open'), /Thời hạn: 40 giờ làm việc/, 'the item’s time limit');
      await page.getByLabel('Nội dung công việc *').fill('Báo cáo công tác tháng 11/2026');
      await page.getByLabel('Ghi chú').fill('Số liệu đến ngày 20/11');
      await shot(page, shots, 'case-open-form');
      await page.getByTestId('case-submit').click();
      const opened = await expectText(page.getByTestId('case-opened'), /Đã mở hồ sơ công việc 000\.00\.99\.H99-\d{6}-C\d{3}/, 'the case code');
      const code = opened.match(/000\.00\.99\.H99-\d{6}-C\d{3}/)[0];
      await page.getByTestId('case-view').click();
      await page.waitForURL(`**/can-bo/ho-so/${code}`);
      await page.getByTestId('actions').waitFor();
      await expectText(page.getByTestId('case-subject'), /^Báo cáo công tác tháng 11\/2026$/, 'the subject instead of an applicant');
      await expectText(page.getByTestId('dossier-status'), /^Đang xử lý$/, 'at its first step');
      await expectText(page.getByTestId('hop-1'), /Mở hồ sơ công việc[\s\S]*Số liệu đến ngày 20\/11/, 'the opening is the first handover');
      await shot(page, shots, 'case-opened');
      await actOn(page, code, 'forward');
      await relogin(page, 'chanhvanphong');
      await openDossierFromInbox(page, code, 'unit');
      await expectText(page.getByTestId('case-subject'), /Báo cáo công tác tháng 11/, 'the head sees the case');
      assert((await offered(page)).includes('forward'), 'the head is not offered forward at his step');
    },
  },
];
