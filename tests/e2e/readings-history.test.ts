// «Мои показания» in a real browser through browser mode: the demo customer's readings in the last
// bill, then a reading submitted on the readings screen appearing with its registration number,
// the headings in English and Bashkir, and back home. With the billing centre gone, the screen
// says so with «Повторить», as every screen that loads data does.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { formatReading } from '../../src-main/features/readings/reading-checks';
import { ufaDate } from '../../src-main/core/time/calendar';
import { DEMO } from '../support/demo-accounts';
import { metersOf, workingMeterOf } from '../support/demo-meters';
import { keypad, typeReading } from '../support/kiosk-page';
import { kioskTest, pageProblems } from '../support/kiosk-test';

const it = kioskTest();
/** A second kiosk against a billing centre of its own, which the test stops. */
const itWithOwnBilling = kioskTest({ ownBilling: true, env: { KIOSK_BILLING_TIMEOUT_MS: '2000' } });
const customer = DEMO.expiredVerification;

const ru = (isoDate: string) => isoDate.split('-').reverse().join('.');

async function waitForHeading(page: Page, name: string | RegExp, level?: number): Promise<void> {
  const heading = page.getByRole('heading', level ? { name, level } : { name });
  await expect.poll(() => heading.isVisible(), { message: `heading ${String(name)}` }).toBe(true);
}

async function openHistory(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Мои показания', exact: true }).click();
  await waitForHeading(page, 'Мои показания', 1);
}

describe('«Мои показания»', () => {
  it('readings in the last bill, a new submission with its number, three languages, back home', async ({ openPage, billing }) => {
    const before = await metersOf(billing, customer);
    expect(before.submissions).toEqual([]);
    const working = await workingMeterOf(billing, customer);

    const page = await openPage({ as: customer });
    const problems = pageProblems(page);
    await openHistory(page);

    // Every meter with its reading in the last bill, at the meter's precision, and the date it was taken.
    await waitForHeading(page, 'Показания в последнем расчёте', 2);
    const table = page.getByTestId('last-accepted');
    for (const meter of before.meters) {
      const row = table.getByRole('row').filter({ hasText: `№ ${meter.serialNumber}` });
      const text = await row.textContent();
      expect(text).toContain(meter.service === 'heating' ? 'Отопление' : 'Горячая вода');
      if (meter.lastReading) {
        expect(text).toContain(`${formatReading(meter.lastReading.value, meter.fractionDigits)} ${meter.unit}`);
        expect(text).toContain(ru(meter.lastReading.takenOn));
      } else {
        expect(text).toContain('в расчёте показаний ещё не было');
      }
    }
    const accepted = page.getByRole('region', { name: 'Переданы в этом месяце' });
    expect(await accepted.getByText('В этом месяце показания ещё не передавались.').isVisible()).toBe(true);

    // «Передать показания» leads to the readings screen; a reading sent there shows up here.
    await page.getByRole('button', { name: 'Передать показания', exact: true }).click();
    await waitForHeading(page, 'Ваши счётчики');
    const typed = formatReading(working.lastReading.value + 2, working.fractionDigits);
    await page.getByLabel(`Новое показание счётчика № ${working.serialNumber}`).click();
    await keypad(page).getByRole('button', { name: 'Очистить', exact: true }).click();
    await typeReading(page, typed);
    await page.getByRole('button', { name: 'Передать показания', exact: true }).click();
    await waitForHeading(page, 'Показания переданы');
    const [submission] = (await metersOf(billing, customer)).submissions;
    expect(submission).toBeDefined();
    await page.getByRole('button', { name: 'На главную' }).click();
    await waitForHeading(page, /^Здравствуйте, /, 1);

    await openHistory(page);
    const acceptedOn = ufaDate(Date.parse(submission!.acceptedAt));
    const item = accepted.getByRole('listitem').filter({ hasText: `№ ${submission!.registrationNumber}` });
    await expect.poll(() => item.first().isVisible()).toBe(true);
    const itemText = await item.first().textContent();
    expect(itemText).toContain(`${ru(acceptedOn)} в `);
    // The newest submission is the one the bill uses, and says so.
    expect(itemText).toContain('учитываются в расчёте');
    expect(itemText).toContain(`Счётчик № ${working.serialNumber}: ${typed} ${working.unit}`);
    expect(await page.getByRole('region', { name: 'Ждут отправки в расчётный центр' }).count()).toBe(0);

    // The same screen in English and in Bashkir.
    const languages = page.getByRole('group', { name: 'Язык интерфейса' });
    await languages.getByRole('button', { name: 'English', exact: true }).click();
    await waitForHeading(page, 'My readings', 1);
    await waitForHeading(page, 'Readings in the last bill', 2);
    await waitForHeading(page, 'Submitted this month', 2);
    const acceptedInEnglish = await page.getByRole('region', { name: 'Submitted this month' }).textContent();
    expect(acceptedInEnglish).toContain(`No. ${submission!.registrationNumber}`);
    expect(acceptedInEnglish).toContain(`${acceptedOn.split('-').reverse().join('/')} at `);
    expect(acceptedInEnglish).toContain('used for the bill');
    await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: 'Башҡортса', exact: true }).click();
    await waitForHeading(page, 'Минең күрһәткестәр', 1);
    await waitForHeading(page, 'Һуңғы иҫәп-хисаптағы күрһәткестәр', 2);
    await waitForHeading(page, 'Был айҙа тапшырылған', 2);

    // Back: the home screen, still in Bashkir, with the tile under its Bashkir name.
    await page.getByRole('button', { name: /Кире/ }).click();
    await waitForHeading(page, /^Һаумыһығыҙ, /, 1);
    expect(await page.getByRole('button', { name: 'Минең күрһәткестәр', exact: true }).isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });
});

describe('«Мои показания» without the billing centre', () => {
  itWithOwnBilling(
    'says the readings could not be loaded, offers «Повторить», and leads back home',
    async ({ openPage, billingServer }) => {
      const page = await openPage({ as: customer });
      await billingServer.close();
      await openHistory(page);

      const alert = page.getByRole('alert').filter({ hasText: 'Не удалось загрузить ваши показания.' });
      await expect.poll(() => alert.isVisible(), { timeout: 10_000 }).toBe(true);
      expect(await alert.textContent()).toContain('Нет связи с расчётным центром');
      const retry = page.getByRole('button', { name: 'Повторить', exact: true });
      expect(await retry.isVisible()).toBe(true);
      await retry.click();
      await expect.poll(() => alert.isVisible(), { timeout: 10_000 }).toBe(true);
      expect(await page.getByTestId('last-accepted').count()).toBe(0);

      await page.getByRole('button', { name: /Назад/ }).click();
      await waitForHeading(page, /^Здравствуйте, /, 1);
    },
  );
});
