// Parallel branches in the browser (issue 4 items 2 and 8): a specialist
// marks a step's split as parallel in the process editor (the live check
// refuses a malformed block first), the director puts the issue into
// effect, the procedure page draws the branches side by side, and a dossier
// inside the block shows both branches while two units work on it. Choose,
// then run in parallel: a file drawn in bpmn.io becomes QT-04's issue in
// force; the procedure page says which option opens the branches, and the
// dossier's choice offers both options. The head's choice drawn as an
// exclusive gateway straight into a parallel gateway (no step between)
// becomes QT-05's issue in force: the editor shows the parallel option, the
// procedure page draws its block, the action form offers it as one choice,
// and choosing it opens both branches at once. The editor then gives the
// head a second parallel option; the saved draft keeps both.
import { readFileSync } from 'node:fs';
import {
  actOn,
  assert,
  confirmDialog,
  expectCount,
  expectText,
  login,
  openDossierFromInbox,
  relogin,
  shot,
} from './helpers.mjs';

const PROCEDURE = '1.012948'; // QT-02, TCBC, 30 working days; not used by the other browser tests
const PROCESS = 'QT-02';

/** Log the browser context in through the API; returns the CSRF token. */
async function apiLogin(context, username) {
  const r = await context.request.post('/api/session', { data: { username, password: 'motcua-demo' } });
  assert(r.status() === 200 || r.status() === 201, `API login ${username}: ${r.status()}`);
  return (await r.json()).csrf_token;
}

async function apiAct(context, username, code, action, fields = {}) {
  const csrf = await apiLogin(context, username);
  const got = await context.request.get(`/api/dossiers/${code}`);
  const version = (await got.json()).version;
  const r = await context.request.post(`/api/dossiers/${code}/actions`, {
    headers: { 'X-CSRF-Token': csrf },
    data: { action, version, ...fields },
  });
  assert(r.status() === 200, `${action} by ${username}: ${r.status()} ${await r.text()}`);
  return r.json();
}

let dossierCode = '';

export const tests = [
  {
    name: 'gateways: the editor marks a parallel split; a malformed block is refused live',
    async run({ page, shots }) {
      await login(page, 'chuyenvien1.tcbc');
      await page.goto(`/can-bo/quy-trinh/${PROCESS}/soan-thao`);
      await expectText(page.getByTestId('check-ok'), /Quy trình hợp lệ/, 'the current issue is valid');
      // tham_dinh (step 3) → two new steps, each of them a branch.
      await page.getByTestId('add-after-2').click();
      await page.getByTestId('add-after-3').click();
      await expectCount(page.locator('li[data-testid^="step-"]'), (n) => n === 10, 'two steps added');
      const fill = async (index, name, unit) => {
        const step = page.getByTestId(`step-${index}`);
        await step.getByLabel('Tên bước').fill(name);
        await step.getByLabel('Vai trò thực hiện').selectOption('specialist');
        await step.getByLabel('Đơn vị thực hiện').selectOption(unit);
        return step;
      };
      const ccvc = await fill(3, 'Lấy ý kiến phòng Công chức, viên chức', 'CCVC');
      await fill(4, 'Đối chiếu hồ sơ', 'TCBC');
      const key3 = await ccvc.getByLabel('Mã bước').inputValue();
      const key4 = await page.getByTestId('step-4').getByLabel('Mã bước').inputValue();
      const nextOf = (index, key) => page.getByTestId(`step-${index}`).locator('label.next-item', { hasText: key }).locator('input');
      // tham_dinh leads to both new steps and runs them in parallel.
      await nextOf(2, key4).check();
      await page.getByTestId('split-2').getByLabel(/Thực hiện song song/).check();
      // The first branch still runs into the second: the second is empty.
      await expectText(
        page.getByTestId('check-issue'),
        new RegExp(`${key4}: mỗi nhánh song song từ bước tham_dinh phải có ít nhất một bước trước bước hợp nhánh`),
        'empty branch refused',
      );
      assert(await page.getByTestId('save-draft').isDisabled(), 'a malformed block can be saved');
      await shot(page, shots, 'gateways-editor-malformed');
      await nextOf(3, key4).uncheck();
      await nextOf(3, 'xem_xet').check();
      await expectText(page.getByTestId('check-ok'), /Quy trình hợp lệ/, 'the block is well formed');
      await shot(page, shots, 'gateways-editor');
      await page.getByTestId('save-draft').click();
      await page.waitForURL(`**/quy-trinh/${PROCESS}/phien-ban?saved=2`);
      await page.getByTestId('transition-submitted').click();
      await confirmDialog(page);
      await expectText(page.getByTestId('versions-notice'), /Đã trình duyệt/, 'submitted');
      await relogin(page, 'giamdoc');
      await page.goto(`/quy-trinh/${PROCESS}/phien-ban`);
      await page.getByTestId('transition-approved').click();
      await confirmDialog(page);
      await expectText(page.getByTestId('versions-notice'), /Đã phê duyệt/, 'approved');
      await page.getByTestId('transition-effective').click();
      await confirmDialog(page);
      await expectText(page.getByTestId('versions-notice'), /Đang hiệu lực/, 'effective');
    },
  },
  {
    name: 'gateways: the procedure page draws the branches side by side',
    async run({ page, shots }) {
      await page.goto(`/thu-tuc/${PROCEDURE}`);
      const block = page.getByTestId('parallel-block');
      await block.waitFor();
      await expectText(block, /Song song: 2 nhánh, hợp lại tại bước 6/, 'the block names its join');
      await expectCount(block.getByTestId('parallel-branch'), (n) => n === 2, 'two branches');
      await expectText(block.getByTestId('parallel-branch').first(), /Lấy ý kiến phòng Công chức, viên chức/, 'first branch');
      await expectText(block.getByTestId('parallel-branch').nth(1), /Đối chiếu hồ sơ/, 'second branch');
      // Side by side: the two columns start at the same height.
      const [a, b] = await block.getByTestId('parallel-branch').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
      assert(Math.abs(a - b) < 2, `the branches are stacked (${a} vs ${b})`);
      await expectText(page.getByTestId('process-steps'), /Sau bước này, đồng thời: Bước 4, Bước 5/, 'the split says all at once');
      await shot(page, shots, 'gateways-procedure');
      // The issue in force drawn by bpmn-js from the exported BPMN: the split
      // and the join are parallel gateways, the choice after the review stays
      // exclusive.
      await page.goto(`/quy-trinh/${PROCESS}/phien-ban`);
      const canvas = page.getByTestId('bpmn-canvas');
      await canvas.locator('.djs-shape[data-element-id="Gateway_tham_dinh"]').waitFor();
      await canvas.locator('.djs-shape[data-element-id="Join_xem_xet"]').waitFor();
      const xml = await (await page.request.get(`/api/processes/${PROCESS}/versions/2/bpmn`)).text();
      assert(/<bpmn:parallelGateway id="Gateway_tham_dinh"/.test(xml), 'the split is not a parallel gateway');
      assert(/<bpmn:parallelGateway id="Join_xem_xet"/.test(xml), 'the join is not a parallel gateway');
      await expectCount(canvas.locator('.djs-shape[data-element-id^="Task_"]'), (n) => n === 10, 'every step drawn');
      await shot(page, shots, 'gateways-diagram');
    },
  },
  {
    name: 'gateways: a dossier inside the block shows both branches; each unit works its own',
    async run({ page, context, shots, demoPeople }) {
      const csrf = await apiLogin(context, 'motcua1');
      const made = await context.request.post('/api/dossiers', {
        headers: { 'X-CSRF-Token': csrf },
        data: { procedure: PROCEDURE, applicant: { name: 'Phạm Thị Dung', phone: '0904 555 666' } },
      });
      assert(made.status() === 201, `receipt: ${made.status()} ${await made.text()}`);
      dossierCode = (await made.json()).code;
      await apiAct(context, 'motcua1', dossierCode, 'transfer');
      await apiAct(context, 'truongphong.tcbc', dossierCode, 'forward');
      await apiAct(context, 'truongphong.tcbc', dossierCode, 'assign', { assignee: 'chuyenvien1.tcbc' });
      const split = await apiAct(context, 'chuyenvien1.tcbc', dossierCode, 'forward');
      assert(split.branches.length === 2, `the split opened ${split.branches.length} branches`);
      await context.clearCookies();

      // The head of TCBC assigns the second branch: the form offers TCBC's
      // specialists, though the first branch (CCVC) is the dossier's step.
      const assignee = demoPeople.find((p) => p.username === 'chuyenvien2.tcbc');
      await login(page, 'truongphong.tcbc');
      await openDossierFromInbox(page, dossierCode, 'unit');
      await actOn(page, dossierCode, 'assign', (form) => form.getByLabel('Cán bộ được phân công').selectOption('chuyenvien2.tcbc'));
      await expectText(page.getByTestId('dossier-branch').nth(1), new RegExp(assignee.full_name), 'the TCBC branch is assigned');

      await relogin(page, 'chuyenvien1.ccvc');
      await openDossierFromInbox(page, dossierCode, 'unit');
      await expectCount(page.getByTestId('dossier-branch'), (n) => n === 2, 'both branches listed');
      await expectText(page.getByTestId('dossier-branches'), /Lấy ý kiến phòng Công chức, viên chức/, 'CCVC branch');
      await expectText(page.getByTestId('dossier-branches'), /Đối chiếu hồ sơ/, 'TCBC branch');
      await shot(page, shots, 'gateways-dossier');
      await actOn(page, dossierCode, 'forward');
      await expectText(page.getByTestId('dossier-branch').first(), /đã xong, chờ các nhánh khác/, 'CCVC branch done, waiting');

      await relogin(page, 'chuyenvien2.tcbc');
      await openDossierFromInbox(page, dossierCode, 'mine');
      await actOn(page, dossierCode, 'forward');
      await expectCount(page.getByTestId('dossier-branch'), (n) => n === 0, 'the block closed');
      await expectText(page.getByTestId('dossier-step'), /./, 'at the join');
      await expectText(page.getByTestId('slip'), /Lấy ý kiến phòng Công chức, viên chức/, 'the slip lists the CCVC branch step');
      await expectText(page.getByTestId('slip'), /Đối chiếu hồ sơ/, 'the slip lists the TCBC branch step');
      await shot(page, shots, 'gateways-joined');
    },
  },
  {
    name: 'gateways: at an exclusive choice the specialist picks the one next step',
    async run({ page, context, shots }) {
      // QT-01 of 1.012946: tham_dinh goes to lay_y_kien or straight to xem_xet.
      const csrf = await apiLogin(context, 'motcua1');
      const made = await context.request.post('/api/dossiers', {
        headers: { 'X-CSRF-Token': csrf },
        data: { procedure: '1.012946', applicant: { name: 'Vũ Thị Giang', phone: '0905 777 888' } },
      });
      assert(made.status() === 201, `receipt: ${made.status()}`);
      const code = (await made.json()).code;
      await apiAct(context, 'motcua1', code, 'transfer');
      await apiAct(context, 'truongphong.tcbc', code, 'forward');
      await apiAct(context, 'truongphong.tcbc', code, 'assign', { assignee: 'chuyenvien1.tcbc' });
      await context.clearCookies();
      await login(page, 'chuyenvien1.tcbc');
      await openDossierFromInbox(page, code, 'mine');
      await page.getByTestId('action-forward').click();
      const form = page.getByTestId('action-form');
      await form.getByLabel('Chuyển đến bước').waitFor();
      // Sending without a choice is stopped in the form.
      await page.getByTestId('action-submit').click();
      await expectText(form, /Hãy chọn bước chuyển đến\./, 'the choice is required');
      await page.getByTestId('action-forward').click();
      await actOn(page, code, 'forward', (f) => f.getByLabel('Chuyển đến bước').selectOption('xem_xet'));
      const after = await (await context.request.get(`/api/dossiers/${code}`)).json();
      assert(after.step?.key === 'xem_xet', `the dossier went to ${after.step?.key}`);
      await shot(page, shots, 'gateways-exclusive');
    },
  },
  {
    name: 'gateways: choose, then run in parallel, drawn in bpmn.io',
    async run({ page, context, shots }) {
      const data = new URL('../../tests/data/bpmn/', import.meta.url);
      // Set up through the API first, so the page never holds a session
      // that is cleared behind its back.
      let csrf = await apiLogin(context, 'chuyenvien1.tcbc');
      const post = (file) =>
        context.request.post('/api/processes/QT-04/versions', {
          headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'application/xml' },
          data: readFileSync(new URL(file, data)),
        });
      const made = await post('choose_then_parallel.bpmn');
      assert(made.status() === 201, `import: ${made.status()} ${await made.text()}`);
      const issue = (await made.json()).issue;
      const transition = async (username, to) => {
        const token = await apiLogin(context, username);
        const r = await context.request.post(`/api/processes/QT-04/versions/${issue}/transition`, {
          headers: { 'X-CSRF-Token': token },
          data: { to },
        });
        assert(r.status() === 200, `${to}: ${r.status()} ${await r.text()}`);
      };
      await transition('truongphong.tcbc', 'submitted');
      await transition('giamdoc', 'approved');
      await transition('giamdoc', 'effective');
      const xml = await (await context.request.get(`/api/processes/QT-04/versions/${issue}/bpmn`)).text();
      assert(/sourceRef="Gateway_tham_dinh" targetRef="Task_xem_xet"/.test(xml), 'the simple option enters the join step itself');
      assert(/sourceRef="Task_doi_chieu" targetRef="Join_xem_xet"/.test(xml), 'a branch enters the join gateway');
      csrf = await apiLogin(context, 'motcua1');
      const received = await context.request.post('/api/dossiers', {
        headers: { 'X-CSRF-Token': csrf },
        data: { procedure: '1.014936', applicant: { name: 'Đinh Văn Hùng', phone: '0906 123 456' } },
      });
      assert(received.status() === 201, `receipt: ${received.status()} ${await received.text()}`);
      const code = (await received.json()).code;
      await apiAct(context, 'motcua1', code, 'transfer');
      await apiAct(context, 'truongphong.tcbc', code, 'forward');
      await apiAct(context, 'truongphong.tcbc', code, 'assign', { assignee: 'chuyenvien1.tcbc' });
      await context.clearCookies();

      // The procedure page: the option step, its block, the join.
      await page.goto('/thu-tuc/1.014936');
      const block = page.getByTestId('parallel-block');
      await block.waitFor();
      await expectText(block, /Song song: 2 nhánh, hợp lại tại bước 7/, 'the block names its join');
      await expectText(page.getByTestId('process-steps'), /Bước 4 \(rồi 2 nhánh song song\)/, 'the option that opens the branches');
      await shot(page, shots, 'gateways-choose-then-parallel');

      // At the choice the specialist picks the option that opens the branches.
      await login(page, 'chuyenvien1.tcbc');
      await openDossierFromInbox(page, code, 'mine');
      await page.getByTestId('action-forward').click();
      const select = page.getByTestId('action-form').getByLabel('Chuyển đến bước');
      await select.waitFor();
      const options = await select.locator('option').evaluateAll((els) => els.map((e) => e.value).filter(Boolean));
      assert(options.includes('xem_xet') && options.includes('lay_y_kien'), `options ${options}`);
      await page.getByTestId('action-forward').click();
      await actOn(page, code, 'forward', (f) => f.getByLabel('Chuyển đến bước').selectOption('lay_y_kien'));
      const after = await (await context.request.get(`/api/dossiers/${code}`)).json();
      assert(after.step?.key === 'lay_y_kien' && after.branches.length === 0, `after the choice: ${after.step?.key}`);
      // Forwarding from the option's step opens both branches.
      await actOn(page, code, 'forward');
      await expectCount(page.getByTestId('dossier-branch'), (n) => n === 2, 'both branches listed');
      await expectText(page.getByTestId('dossier-branches'), /Ý kiến Phòng Công chức, viên chức/, 'CCVC branch');
      await shot(page, shots, 'gateways-choice-opened');
    },
  },
  {
    name: 'gateways: the head chooses consultation in parallel (exclusive gateway into a parallel gateway)',
    async run({ page, context, shots }) {
      const data = new URL('../../tests/data/bpmn/', import.meta.url);
      let csrf = await apiLogin(context, 'chuyenvien1.tcbc');
      const made = await context.request.post('/api/processes/QT-05/versions', {
        headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'application/xml' },
        data: readFileSync(new URL('choice_parallel_option.bpmn', data)),
      });
      assert(made.status() === 201, `import: ${made.status()} ${await made.text()}`);
      const version = await made.json();
      assert(
        JSON.stringify(version.steps[1].parallel_options) === '[["y_kien_ccvc","y_kien_xdcq"]]',
        `the option: ${JSON.stringify(version.steps[1].parallel_options)}`,
      );
      for (const [username, to] of [
        ['truongphong.tcbc', 'submitted'],
        ['giamdoc', 'approved'],
        ['giamdoc', 'effective'],
      ]) {
        const token = await apiLogin(context, username);
        const r = await context.request.post(`/api/processes/QT-05/versions/${version.issue}/transition`, {
          headers: { 'X-CSRF-Token': token },
          data: { to },
        });
        assert(r.status() === 200, `${to}: ${r.status()} ${await r.text()}`);
      }
      const xml = await (await context.request.get(`/api/processes/QT-05/versions/${version.issue}/bpmn`)).text();
      assert(/sourceRef="Gateway_truong_phong" targetRef="Fork_truong_phong_1"/.test(xml), 'the choice enters the option gateway');
      csrf = await apiLogin(context, 'motcua1');
      const received = await context.request.post('/api/dossiers', {
        headers: { 'X-CSRF-Token': csrf },
        data: { procedure: '1.014937', applicant: { name: 'Trần Văn Khoa', phone: '0907 246 810' } },
      });
      assert(received.status() === 201, `receipt: ${received.status()} ${await received.text()}`);
      const code = (await received.json()).code;
      await apiAct(context, 'motcua1', code, 'transfer');
      await context.clearCookies();

      // The procedure page: the choice, the option's block, the plain option.
      await page.goto('/thu-tuc/1.014937');
      const block = page.getByTestId('parallel-block');
      await block.waitFor();
      await expectText(block, /Nếu chọn tại bước 2: 2 nhánh song song, hợp lại tại bước 6/, 'the option block names its choice and join');
      await expectCount(block.getByTestId('parallel-branch'), (n) => n === 2, 'two branches');
      await expectText(page.getByTestId('process-steps'), /Bước 3, Bước 4 ∥ Bước 5 cùng lúc, song song/, 'the choice lists the option');
      await shot(page, shots, 'gateways-option-procedure');

      // The editor opens the issue with the third split mode chosen.
      await login(page, 'chuyenvien1.tcbc');
      await page.goto('/can-bo/quy-trinh/QT-05/soan-thao');
      await expectText(page.getByTestId('check-ok'), /Quy trình hợp lệ/, 'the imported issue is valid');
      assert(await page.getByTestId('split-option-1').isChecked(), 'the parallel option mode is not chosen');
      await expectCount(page.getByTestId('option-1').locator('input:checked'), (n) => n === 2, 'both steps in the option');
      await shot(page, shots, 'gateways-option-editor');

      // The head chooses "consult in parallel": one choice, both branches open.
      await relogin(page, 'truongphong.tcbc');
      await openDossierFromInbox(page, code, 'unit');
      await page.getByTestId('action-forward').click();
      const select = page.getByTestId('action-form').getByLabel('Chuyển đến bước');
      await select.waitFor();
      const labels = await select.locator('option').evaluateAll((els) => els.filter((e) => e.value).map((e) => `${e.value}=${e.textContent.trim()}`));
      assert(labels.length === 2, `choices ${labels}`);
      assert(labels.some((l) => /^y_kien_ccvc=Song song: Ý kiến Phòng Công chức, viên chức \(y_kien_ccvc\) ∥ Ý kiến Phòng Xây dựng chính quyền/.test(l)), `choices ${labels}`);
      await page.getByTestId('action-forward').click();
      await actOn(page, code, 'forward', (f) => f.getByLabel('Chuyển đến bước').selectOption('y_kien_ccvc'));
      await expectCount(page.getByTestId('dossier-branch'), (n) => n === 2, 'both branches listed');
      await expectText(page.getByTestId('dossier-branches'), /Ý kiến Phòng Xây dựng chính quyền/, 'XDCQ branch');
      await expectText(page.getByTestId('slip'), /Mở song song: Ý kiến Phòng Công chức, viên chức ∥ Ý kiến Phòng Xây dựng chính quyền/, 'the slip shows the choice');
      await shot(page, shots, 'gateways-option-opened');
    },
  },
  {
    name: 'gateways: the editor gives the head two parallel options, and the saved draft keeps both',
    async run({ page, shots }) {
      await relogin(page, 'chuyenvien1.tcbc');
      await page.goto('/can-bo/quy-trinh/QT-05/soan-thao');
      await expectText(page.getByTestId('check-ok'), /Quy trình hợp lệ/, 'the issue in force is valid');
      const steps = page.locator('li[data-testid^="step-"]');
      const before = await steps.count();
      // Two more opinions after XDCQ's (step 5), each a branch into the summary.
      await page.getByTestId('add-after-4').click();
      await page.getByTestId('add-after-5').click();
      await expectCount(steps, (n) => n === before + 2, 'two steps added');
      const fill = async (index, name, unit) => {
        const step = page.getByTestId(`step-${index}`);
        await step.getByLabel('Tên bước').fill(name);
        await step.getByLabel('Vai trò thực hiện').selectOption('specialist');
        await step.getByLabel('Đơn vị thực hiện').selectOption(unit);
        return step.getByLabel('Mã bước').inputValue();
      };
      const key5 = await fill(5, 'Ý kiến lần hai của Phòng Công chức, viên chức', 'CCVC');
      const key6 = await fill(6, 'Ý kiến lần hai của Phòng Xây dựng chính quyền', 'XDCQ');
      const nextOf = (index, key) => page.getByTestId(`step-${index}`).locator('label.next-item', { hasText: key }).locator('input');
      await nextOf(4, 'tong_hop').check();
      await nextOf(4, key5).uncheck();
      await nextOf(5, 'tong_hop').check();
      await nextOf(5, key6).uncheck();
      // The head's choice (step 2) leads to both as well, then groups them.
      await nextOf(1, key5).check();
      await nextOf(1, key6).check();
      assert(await page.getByTestId('split-option-1').isChecked(), 'the parallel option mode is lost');
      await page.getByTestId('add-option-1').click();
      const first = page.getByTestId('option-1-0');
      const second = page.getByTestId('option-1-1');
      await expectCount(first.locator('input:checked'), (n) => n === 2, 'the first option keeps its two steps');
      await expectCount(second.locator('input:checked'), (n) => n === 2, 'the second option has two steps');
      await expectText(second.locator('label', { has: page.locator('input:checked') }).first(), new RegExp(key5), 'the second option starts with the new step');
      await expectText(first.locator('label', { hasText: key5 }), /thuộc lựa chọn 2/, 'a step of the other option is named');
      await expectText(page.getByTestId('check-ok'), /Quy trình hợp lệ/, 'two options are valid');
      await shot(page, shots, 'gateways-two-options-editor');
      await page.getByTestId('save-draft').click();
      await page.waitForURL(/\/quy-trinh\/QT-05\/phien-ban\?saved=\d+/);
      const issue = Number(new URL(page.url()).searchParams.get('saved'));
      // The server kept both options, in the order of next.
      const process = await (await page.request.get('/api/processes/QT-05/versions')).json();
      const saved = process.versions.find((v) => v.issue === issue);
      assert(saved && saved.status === 'draft', `draft ${issue}: ${JSON.stringify(saved && saved.status)}`);
      const choice = saved.steps.find((st) => st.key === 'truong_phong');
      assert(
        JSON.stringify(choice.parallel_options) === JSON.stringify([['y_kien_ccvc', 'y_kien_xdcq'], [key5, key6]]),
        `the options saved: ${JSON.stringify(choice.parallel_options)}`,
      );
      // Reloaded, the draft's diagram draws a parallel gateway per option.
      await page.reload();
      await page.getByTestId(`show-diagram-${issue}`).click();
      const canvas = page.getByTestId('bpmn-canvas');
      await canvas.locator('.djs-shape[data-element-id="Fork_truong_phong_1"]').waitFor();
      await canvas.locator('.djs-shape[data-element-id="Fork_truong_phong_2"]').waitFor();
      await shot(page, shots, 'gateways-two-options-diagram');
    },
  },
];
