// Browser tests of the agency calendar editor (docs/CALENDAR.md §3.1–3.2):
// an administrator adds a day off inside an open dossier's time limit, the
// page says in words how many dossiers moved, the dossier's appointment is
// one day later, a bad line is refused naming agency.txt:LINE:FIELD, and
// taking the day off back never brings the appointment earlier. The server
// runs at the real clock, so the day off is picked from the dossier's own
// window. The demo calendar is restored at the end.
import { expectCount, expectText, assert, shot, login } from './helpers.mjs';

const PROCEDURE = '1.003950'; // 15 working days
const FAILED_400 = /Failed to load resource: the server responded with a status of 400/;

async function apiLogin(context, username) {
  const r = await context.request.post('/api/session', { data: { username, password: 'motcua-demo' } });
  assert(r.status() === 200 || r.status() === 201, `API login ${username}: ${r.status()}`);
  return (await r.json()).csrf_token;
}

/** Civil date (UTC+7) of an API instant, as YYYY-MM-DD. */
const civil = (instant) => instant.slice(0, 10);

function addDays(ymd, n) {
  const d = new Date(`${ymd}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** A weekday strictly inside (from, to) that the national calendar keeps as a working day. */
async function workingDayBetween(context, from, to) {
  const offDays = new Set();
  for (const year of new Set([from.slice(0, 4), to.slice(0, 4)])) {
    const r = await context.request.get(`/api/calendar/${year}`);
    for (const d of (await r.json()).days) if (!d.working) offDays.add(d.date);
  }
  for (let day = addDays(from, 2); day < to; day = addDays(day, 1)) {
    const wd = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (wd >= 1 && wd <= 5 && !offDays.has(day)) return day;
  }
  throw new Error(`no working day between ${from} and ${to}`);
}

const state = { code: '', due: '', received_due: '', original: '' };

export const tests = [
  {
    name: 'agency calendar: a day off inside an open dossier’s time limit moves its appointment, and the page says how many moved',
    allowConsole: [FAILED_400],
    async run({ page, context, shots }) {
      const csrf = await apiLogin(context, 'motcua1');
      const r = await context.request.post('/api/dossiers', {
        headers: { 'X-CSRF-Token': csrf },
        data: { procedure: PROCEDURE, applicant: { name: 'Đỗ Văn Lịch', phone: '0900 777 888' } },
      });
      assert(r.status() === 201, `receipt: ${r.status()}`);
      const received = await r.json();
      state.code = received.code;
      state.due = received.due_at;
      state.received_due = received.due_at;
      const dayOff = await workingDayBetween(context, civil(received.received_at), civil(received.due_at));

      await login(page, 'quantri');
      await page.getByTestId('nav-agency-calendar').click();
      await page.waitForURL('**/can-bo/lich-co-quan');
      await expectText(page.getByTestId('calendar-state'), /Đang áp dụng/, 'the demo file is in force');
      state.original = await page.getByTestId('calendar-text').inputValue();
      assert(state.original.includes('format | 1'), 'the editor shows the stored file');

      // A line with a wrong kind: refused, naming the line and the field; nothing moves.
      const lines = state.original.trimEnd().split('\n').length;
      await page.getByTestId('calendar-text').fill(`${state.original.trimEnd()}\n${dayOff} | closed | agency | Họp | QĐ thử\n`);
      await page.getByTestId('calendar-save').click();
      await expectText(page.getByTestId('calendar-problem'), new RegExp(`agency\\.txt:${lines + 1}:kind`), 'the error names line and field');

      await page.getByTestId('calendar-text').fill(`${state.original.trimEnd()}\n${dayOff} | off | agency | Hội nghị cán bộ, công chức | Quyết định của Sở (thử nghiệm)\n`);
      await page.getByTestId('calendar-save').click();
      await expectText(
        page.getByTestId('calendar-saved'),
        /^Đã lưu lịch\. Đã tính lại thời hạn của [1-9]\d* trong [1-9]\d* hồ sơ đang giải quyết; [1-9]\d* hồ sơ đổi ngày hẹn trả\.$/,
        'the count of moved dossiers, in words',
      );
      await shot(page, shots, 'agency-calendar');
      const moved = await (await context.request.get(`/api/dossiers/${state.code}`)).json();
      assert(moved.due_at > state.due, `the appointment did not move: ${state.due} → ${moved.due_at}`);
      state.due = moved.due_at;
    },
  },
  {
    name: 'agency calendar: the dossier page shows why its dates moved, and the applicant’s lookup says the appointment was adjusted',
    async run({ page, shots }) {
      assert(state.code, 'no dossier from the calendar test');
      await login(page, 'motcua1');
      await page.goto(`/can-bo/ho-so/${state.code}`);
      const section = page.getByTestId('dossier-reschedules');
      await expectText(section.locator('h2'), /^Điều chỉnh do thay đổi lịch làm việc$/, 'the section is there');
      await expectCount(page.getByTestId('dossier-reschedule'), (n) => n === 1, 'one calendar change moved it');
      await expectText(page.getByTestId('reschedule-by'), /^Trịnh Công Minh thay đổi lịch cơ quan$/, 'who changed the calendar');
      // "26/10/2026 08:00 → 27/10/2026 08:00": the appointment before and after.
      const dayMonth = (iso) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
      const moved = await expectText(page.getByTestId('reschedule-appointment'), / → /, 'the appointment from → to');
      const [before, after] = moved.split(' → ');
      assert(before.includes(dayMonth(state.received_due)), `from ${before}, expected ${dayMonth(state.received_due)}`);
      assert(after.includes(dayMonth(state.due)), `to ${after}, expected ${dayMonth(state.due)}`);
      await section.scrollIntoViewIfNeeded();
      await shot(page, shots, 'dossier-reschedules', false);
      await page.getByTestId('lang-en').click();
      await expectText(section.locator('h2'), /^Adjusted for a calendar change$/, 'English section');
      await expectText(page.getByTestId('reschedule-by'), /^Trịnh Công Minh changed the agency calendar$/, 'English author');
      await page.getByTestId('lang-vi').click();

      await page.goto('/tra-cuu');
      await page.getByLabel('Mã hồ sơ hoặc mã tham chiếu').fill(state.code);
      await page.getByLabel('Số điện thoại').fill('0900777888');
      await page.getByTestId('lookup-submit').click();
      await expectText(page.getByTestId('lookup-rescheduled'), /^Ngày hẹn trả đã điều chỉnh do cơ quan thay đổi lịch làm việc\.$/, 'the applicant is told why');
      await expectText(page.getByTestId('lookup-appointment'), new RegExp(dayMonth(state.due)), 'the new appointment');
    },
  },
  {
    name: 'agency calendar: taking the day off back keeps the promised appointment; English page',
    async run({ page, context }) {
      await login(page, 'quantri');
      await page.goto('/can-bo/lich-co-quan');
      await page.getByTestId('calendar-text').fill(state.original);
      await page.getByTestId('calendar-save').click();
      await expectText(page.getByTestId('calendar-saved'), /^Đã lưu lịch\./, 'saved');
      const d = await (await context.request.get(`/api/dossiers/${state.code}`)).json();
      assert(d.due_at === state.due, `the appointment moved back: ${state.due} → ${d.due_at}`);
      assert(d.legal_due_at < d.due_at, 'the legal due time counts the day again');
      await page.getByTestId('lang-en').click();
      await expectText(page.locator('h1'), /^Agency calendar$/, 'English title');
    },
  },
];
