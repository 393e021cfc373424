// Browser test of recurring internal tasks (docs/ENGINE.md §11): the page of
// an internal work item says its recurrence in words to a visitor; an
// administrator changes it in the form, sees the new rule and its next
// automatic opening, then puts the demo rule back.
import { assert, expectText, login, shot } from './helpers.mjs';

const ITEM = 'NB-VP-04'; // demo rule: monthly, due on the 20th

async function saveRule(page, fill) {
  await page.getByTestId('recurrence-edit').click();
  const form = page.getByTestId('recurrence-form');
  await fill(form);
  const put = page.waitForResponse((r) => r.url().endsWith(`/api/procedures/${ITEM}/recurrence`) && r.request().method() === 'PUT');
  await form.getByTestId('recurrence-save').click();
  const res = await put;
  assert(res.status() === 200, `saving the rule answered ${res.status()}`);
  await page.getByTestId('recurrence-saved').waitFor();
}

export const tests = [
  {
    name: 'recurrence: a visitor reads the rule, an administrator changes it and sees it',
    async run({ page, context, baseUrl, shots }) {
      const visitor = await context.browser().newContext({ baseURL: baseUrl, locale: 'vi-VN' });
      try {
        const anon = await visitor.newPage();
        await anon.goto(`/thu-tuc/${ITEM}`);
        await expectText(anon.getByTestId('recurrence-text'), /Định kỳ:\s*hằng tháng, hạn ngày 20$/, 'the demo rule in words');
        assert((await anon.getByTestId('recurrence-edit').count()) === 0, 'a visitor sees the edit button');
      } finally {
        await visitor.close();
      }

      await login(page, 'quantri');
      await page.goto(`/thu-tuc/${ITEM}`);
      await expectText(page.getByTestId('recurrence-next'), /Kỳ tới \d{4}-\d{2}: tự động mở hồ sơ công việc ngày \d{2}\/\d{2}\/\d{4}, hạn \d{2}\/\d{2}\/\d{4}/, 'the next opening for staff');

      await saveRule(page, async (form) => {
        await form.getByTestId('recur-every').selectOption('quarter');
        await form.getByTestId('recur-month').selectOption('3');
        await form.getByTestId('recur-day').selectOption('20');
        await form.getByTestId('recur-lead').fill('2');
      });
      await expectText(
        page.getByTestId('recurrence-text'),
        /Định kỳ:\s*hằng quý, hạn ngày 20 tháng thứ 3 của quý, mở trước 2 ngày làm việc/,
        'the new rule in words',
      );
      await expectText(page.getByTestId('recurrence-next'), /Kỳ tới \d{4}-Q[1-4]:/, 'the next quarterly opening');
      await shot(page, shots, 'recurrence-admin');
      // The catalog answers the same rule after a reload.
      await page.reload();
      await expectText(page.getByTestId('recurrence-text'), /hằng quý, hạn ngày 20 tháng thứ 3 của quý/, 'the rule after a reload');

      // Back to the demo rule, so that later tests see the demo as shipped.
      await saveRule(page, async (form) => {
        await form.getByTestId('recur-every').selectOption('month');
        await form.getByTestId('recur-day').selectOption('20');
        await form.getByTestId('recur-lead').fill('');
      });
      await expectText(page.getByTestId('recurrence-text'), /Định kỳ:\s*hằng tháng, hạn ngày 20$/, 'the demo rule again');
    },
  },
];
