// «Начисления и платежи» in a real browser through browser mode: the current period's lines match
// the billing API, a three-month period picked with the month pickers gives a statement whose totals
// match the billing API, reversed and over-long periods are refused, and the charts are there.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { addMonths } from '../../src-main/core/time/calendar';
import { formatMoney } from '../../src-renderer/lib/format-money';
import { DEMO } from '../support/demo-accounts';
import { kioskTest, pageProblems } from '../support/kiosk-test';

const it = kioskTest();
const customer = DEMO.owesMoney;

async function openCharges(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Начисления и платежи' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Начисления и платежи', level: 1 }).isVisible()).toBe(true);
}

function picker(page: Page, name: 'Начало периода' | 'Конец периода') {
  return page.getByRole('group', { name });
}

async function press(page: Page, group: 'Начало периода' | 'Конец периода', button: string, times: number): Promise<void> {
  for (let index = 0; index < times; index += 1) await picker(page, group).getByRole('button', { name: button }).click();
}

describe('charges and payments', () => {
  it('shows the current period as the billing centre has it, and a statement for three months picked with the pickers', async ({
    openPage,
    billing,
  }) => {
    const session = await billing.login(customer.accountNumber, customer.password);
    const summary = await billing.getAccountSummary(session.sessionToken);
    const last = summary.billingPeriod;
    const [current] = (await billing.getStatement(session.sessionToken, last, last)).months;
    if (!current) throw new Error('the billing API has no month for the last billed period');
    const threeMonths = await billing.getStatement(session.sessionToken, addMonths(last, -2), last);

    const page = await openPage({ as: customer });
    const problems = pageProblems(page);
    await openCharges(page);

    // Current period: every service line with its volume, tariff and amount.
    const lines = page.getByTestId('current-charges');
    await expect.poll(() => lines.isVisible()).toBe(true);
    expect(current.charges.length).toBeGreaterThan(0);
    for (const line of current.charges) {
      const row = lines.getByRole('row').filter({ has: page.getByRole('rowheader', { name: line.serviceName, exact: true }) });
      const cells = await row.getByRole('cell').allTextContents();
      expect(cells.at(-1)).toBe(formatMoney(line.amountKopecks));
      expect(cells[1]).toContain(`за ${line.unit}`);
    }
    expect(await page.getByTestId('current-charged').textContent()).toContain(formatMoney(current.chargedKopecks));
    expect(await page.getByTestId('total-debt').textContent()).toBe(`Итоговая сумма задолженности: ${formatMoney(summary.balanceKopecks)}`);
    if (summary.lastPayment) {
      expect(await page.getByTestId('last-payment').textContent()).toContain(formatMoney(summary.lastPayment.amountKopecks));
    }

    // By default, the last 12 months.
    await expect.poll(() => page.getByTestId('statement-month').count()).toBe(12);
    // Payment channels are in words, never codes.
    const table = (await page.getByTestId('statement-table').textContent()) ?? '';
    expect(table).toMatch(/Оплата: (Онлайн-банк|Отделение банка|Почта России|Терминал самообслуживания|Касса МУП УИС)/);
    expect(table).not.toMatch(/bank-online|bank-office|utility-office|kiosk|post\b/);
    // Within a month the lines run in date order: payments on their days, the charges on its last day.
    const monthDates = await page
      .getByTestId('statement-month')
      .evaluateAll((months) =>
        months.map((month) =>
          [...month.querySelectorAll('tr:not(.month-head):not(.month-total) > td:first-child')].map((cell) => cell.textContent ?? ''),
        ),
      );
    for (const dates of monthDates) {
      const isoDates = dates.map((date) => date.trim().split('.').reverse().join('-'));
      expect(isoDates).toEqual([...isoDates].sort());
    }
    // Not proven by months of one date only: some month has a payment before its last day.
    expect(monthDates.some((dates) => dates.length > 1 && dates[0] !== dates.at(-1))).toBe(true);

    // Three months: move the start forward 9 months with the big ▶ button.
    await press(page, 'Начало периода', 'Следующий месяц', 9);
    await expect.poll(() => page.getByText('(3 месяца)').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Отобразить' }).click();
    await expect.poll(() => page.getByTestId('statement-month').count()).toBe(3);
    expect(await page.getByTestId('statement-charged-total').textContent()).toBe(formatMoney(threeMonths.chargedKopecks));
    expect(await page.getByTestId('statement-paid-total').textContent()).toBe(formatMoney(threeMonths.paidKopecks));
    expect(await page.getByTestId('statement-closing').textContent()).toContain(formatMoney(Math.abs(threeMonths.closingBalanceKopecks)));

    // The charts, each one image with a summary in words.
    const chart = page.getByRole('img', { name: /^График «Начислено, ₽» за 3 месяца/ });
    await expect.poll(() => chart.isVisible()).toBe(true);
    expect(await page.getByRole('img', { name: /^График «Отопление, Гкал»/ }).isVisible()).toBe(true);
    expect(await page.getByRole('img', { name: /^График «Горячая вода, м³»/ }).isVisible()).toBe(true);
    expect(await chart.locator('rect').count()).toBe(3);
    expect(problems).toEqual([]);
  });

  it('refuses a period whose start is after its end, and one longer than 36 months', async ({ openPage }) => {
    const page = await openPage({ as: customer });
    await openCharges(page);
    await expect.poll(() => page.getByTestId('statement-month').count()).toBe(12);

    // Reversed: the end moved back before the start.
    await press(page, 'Начало периода', 'Следующий месяц', 9);
    await press(page, 'Конец периода', 'Предыдущий месяц', 3);
    await page.getByRole('button', { name: 'Отобразить' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Начало периода позже его конца. Выберите месяц начала не позже месяца окончания.');

    // Longer than 36 months: the start three years further back, the end at the last month again.
    await press(page, 'Начало периода', 'Предыдущий год', 3);
    expect(await page.getByRole('alert').count()).toBe(0);
    await press(page, 'Конец периода', 'Следующий месяц', 3);
    await page.getByRole('button', { name: 'Отобразить' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Период не может быть длиннее 36 месяцев. Сократите период и нажмите «Отобразить» ещё раз.');
    // The pickers keep the customer's choice; the last good statement stays as it was.
    expect(await picker(page, 'Начало периода').getByRole('status').textContent()).toMatch(/\d{4}$/);
    expect(await page.getByTestId('statement-month').count()).toBe(12);
    // The end cannot go past the last billed month.
    expect(await picker(page, 'Конец периода').getByRole('button', { name: 'Следующий месяц' }).isDisabled()).toBe(true);
  });
});
