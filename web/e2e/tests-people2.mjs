// Browser tests of the system actor, a case's period and the agency's
// abbreviation: the case the recurrence sweep opens names its opener
// "Hệ thống (định kỳ)" / "System (recurring)" by its kind and shows its
// period in words ("Kỳ: tháng 12/2026"); the staff directory does not list
// the system actor; an administrator sets the agency's abbreviation that the
// forms print in their number ("Số: 05/PXL-SNV") and the page refuses one
// NĐ 30/2020 would not print. The server runs at the real clock; the sweep
// is asked at the next opening day of the demo rule (X-Test-Now).
import { assert, expectText, literal, login, shot } from './helpers.mjs';

const ITEM = 'NB-VP-04'; // demo rule: monthly, due on the 20th
const FAILED_400 = /Failed to load resource: the server responded with a status of 400/;

async function apiLogin(context, username) {
  const r = await context.request.post('/api/session', { data: { username, password: 'motcua-demo' } });
  assert(r.status() === 200 || r.status() === 201, `API login ${username}: ${r.status()}`);
  return (await r.json()).csrf_token;
}

/** Minutes since the epoch of 09:00 (UTC+7) on a YYYY-MM-DD day. */
function nineOn(ymd) {
  const [y, m, d] = ymd.split('-').map(Number);
  return Math.floor(Date.UTC(y, m - 1, d, 2, 0) / 60000);
}

export const tests = [
  {
    name: 'system actor: the sweep’s case names it in the reader’s language, with its period; the directory does not list it',
    async run({ page, context, shots }) {
      const csrf = await apiLogin(context, 'quantri');
      const rule = await context.request.get(`/api/procedures/${ITEM}/recurrence`);
      assert(rule.status() === 200, `rule: ${rule.status()}`);
      const next = (await rule.json()).next;
      assert(next?.period && next?.opens_on, `no next period: ${JSON.stringify(next)}`);
      const sweep = await context.request.post('/api/recurrence/sweep', {
        headers: { 'X-CSRF-Token': csrf, 'X-Test-Now': String(nineOn(next.opens_on)) },
      });
      assert(sweep.status() === 200, `sweep: ${sweep.status()}`);
      assert((await sweep.json()).opened >= 1, 'the sweep opened nothing');
      const list = await context.request.get(`/api/dossiers?procedure=${ITEM}&limit=20`);
      const items = (await list.json()).items;
      const code = items.find((d) => d.code)?.code;
      assert(code, `no case of ${ITEM}: ${JSON.stringify(items)}`);
      const [year, month] = next.period.split('-').map(Number);

      await login(page, 'quantri');
      await page.goto(`/can-bo/ho-so/${code}`);
      await expectText(page.getByTestId('case-initiator'), /^Hệ thống \(định kỳ\)$/, 'the opener in Vietnamese');
      await expectText(page.getByTestId('case-period'), new RegExp(`^tháng ${month}/${year}$`), 'the period in words');
      await expectText(page.getByTestId('hop-1'), /Hệ thống \(định kỳ\)/, 'the control slip names the system');
      await shot(page, shots, 'system-actor-case');
      await page.getByTestId('lang-en').click();
      await expectText(page.getByTestId('case-initiator'), /^System \(recurring\)$/, 'the opener in English');
      await expectText(page.getByTestId('case-period'), new RegExp(`^month ${month} of ${year}$`), 'the period in English');
      await expectText(page.getByTestId('hop-1'), /System \(recurring\)/, 'the English control slip');
      await page.getByTestId('lang-vi').click();

      await page.getByTestId('nav-people').click();
      await page.getByTestId('person-chuyenvien1.vp').waitFor();
      assert((await page.getByTestId('person-system').count()) === 0, 'the directory lists the system actor');
      assert((await page.getByTestId('people-table').getByText('Hệ thống (định kỳ)').count()) === 0, 'the directory names the system actor');
    },
  },
  {
    name: 'agency record: an administrator sets the abbreviation the forms print, a bad one is refused',
    allowConsole: [FAILED_400],
    async run({ page, shots, demoAgency }) {
      await login(page, 'quantri');
      await page.getByTestId('nav-agency').click();
      const input = page.getByTestId('agency-abbreviation');
      await input.waitFor();
      assert((await input.inputValue()) === 'SNV', `the demo abbreviation: ${await input.inputValue()}`);
      await expectText(page.getByTestId('agency-record'), new RegExp(literal(demoAgency.name)), 'the imported record');

      await input.fill('s--nv');
      await page.getByTestId('agency-save').click();
      await expectText(page.getByTestId('agency-problem'), /chữ in hoa/, 'a bad abbreviation in words');

      await input.fill('vpđk');
      await expectText(page.locator('#agency-abbreviation-hint'), /Số: 05\/PXL-VPĐK/, 'the number as it will print');
      await page.getByTestId('agency-save').click();
      await expectText(page.getByTestId('agency-saved'), /VPĐK/, 'saved');
      await shot(page, shots, 'agency-abbreviation');
      await page.reload();
      await input.waitFor();
      assert((await input.inputValue()) === 'VPĐK', 'the abbreviation after a reload');

      // Back to the demo's, so that later tests see the demo as shipped.
      await input.fill('SNV');
      await page.getByTestId('agency-save').click();
      await expectText(page.getByTestId('agency-saved'), /SNV/, 'the demo abbreviation again');
    },
  },
];
