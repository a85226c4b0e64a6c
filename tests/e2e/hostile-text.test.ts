// Text that travels from the billing centre to the screen and to paper is shown literally: a
// name, an address or an appeal answer with HTML in it never becomes markup or runs a script.
import { describe, expect } from 'vitest';
import { DEMO } from '../support/demo-accounts';
import { logInAs } from '../support/kiosk-page';
import { kioskTest, pageProblems } from '../support/kiosk-test';

const NAME = '<img src=x onerror="window.__injected=1">Иванов "Иван" \'Иванович\'';
const ADDRESS = 'г. Уфа, <script>window.__injected=2</script> ул. Ленина, д. 1';
const ANSWER = '<b onmouseover="window.__injected=3">Ответ</b> & ещё';

const customer = DEMO.paidInAdvance;

const it = kioskTest({
  ownBilling: true,
  // The billing centre's own data, changed before the kiosk first asks for it.
  prepare: ({ billingServer }) => {
    const db = billingServer!.db;
    db.prepare('UPDATE account SET holder_name = ?, address = ? WHERE account_number = ?').run(NAME, ADDRESS, customer.accountNumber);
    db.prepare(
      `INSERT INTO appeal (appeal_number, account_number, topic_id, text, registered_at, status, answer)
         VALUES ('О-20261101-999999', ?, 'other', ?, '2026-11-01T10:00:00Z', 'answered', ?)`,
    ).run(customer.accountNumber, '<iframe src="javascript:alert(1)"></iframe>', ANSWER);
  },
});

describe('hostile text from the billing centre', () => {
  it('is shown literally on the home screen, in the profile and in the appeals, and nothing runs', async ({ page }) => {
    const problems = pageProblems(page);
    await logInAs(page, customer);
    // Not a name and patronymic to greet by: the greeting goes without it.
    await expect.poll(() => page.getByRole('heading', { name: 'Здравствуйте!', level: 1 }).isVisible()).toBe(true);
    expect(await page.getByText(ADDRESS, { exact: true }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Личная информация' }).click();
    await expect.poll(() => page.getByText(NAME, { exact: true }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Назад' }).first().click();
    await page.getByRole('button', { name: 'Виртуальная приёмная' }).click();
    await expect.poll(() => page.getByText(ANSWER).first().isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await page.locator('img[src="x"], iframe, b[onmouseover]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
    expect(problems).toEqual([]);
  });
});
