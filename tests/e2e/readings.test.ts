// Передать показания in a real browser through browser mode: the meters of the demo customer with their
// dates (the expired one flagged, explained and disabled), readings typed on the keypad with a
// decimal comma, «Рассчитать расход», a lower-than-previous reading refused, a too-high consumption
// asking to confirm, the submission with its registration number, and a correction through the
// Да / Нет dialog. And outside the reading window, the submission is refused with the window.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, onTestFinished } from 'vitest';
import { startReferenceBillingServer } from '../../src-main/billing-server/reference-billing-server';
import type { Meter, MetersResponse } from '../../src-main/core/billing/billing-wire';
import { formatReading } from '../../src-main/features/readings/reading-checks';
import { ufaDate } from '../../src-main/core/time/calendar';
import { startKioskProcess } from '../support/browser-mode-process';
import { openKioskPage } from '../support/chromium';
import { DEMO } from '../support/demo-accounts';
import { metersOf, type MeterWithHistory } from '../support/demo-meters';
import { keypad, logInAs, typeReading } from '../support/kiosk-page';
import { billingClientFor, kioskTest, pageProblems } from '../support/kiosk-test';

const it = kioskTest();
const customer = DEMO.expiredVerification;

function validMeter(meters: MetersResponse, today: string): MeterWithHistory {
  const meter = meters.meters.find(
    (candidate) => candidate.verificationDueOn >= today && candidate.lastReading && candidate.averageMonthlyConsumption,
  );
  if (!meter) throw new Error('no valid meter with a reading history');
  return meter as MeterWithHistory;
}

const ru = (isoDate: string) => isoDate.split('-').reverse().join('.');

/** The reading `delta` above the last accepted one, as the keypad types it («47,123»). */
const above = (meter: MeterWithHistory, delta: number) => formatReading(meter.lastReading.value + delta, meter.fractionDigits);

async function enterReading(page: Page, meter: Meter, text: string): Promise<void> {
  await page.getByLabel(`Новое показание счётчика № ${meter.serialNumber}`).click();
  await keypad(page).getByRole('button', { name: 'Очистить', exact: true }).click();
  await typeReading(page, text);
  expect(await page.getByLabel(`Новое показание счётчика № ${meter.serialNumber}`).inputValue()).toBe(text);
}

async function openReadings(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { name: /^Здравствуйте/ }).isVisible()).toBe(true);
  await page.getByRole('button', { name: 'Передать показания' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Ваши счётчики' }).isVisible()).toBe(true);
}

describe('meter readings', () => {
  it('meters with dates, expired one disabled, consumption, refusals, submission and a correction', async ({ openPage, billing }) => {
    const today = ufaDate(Date.now());
    const before = await metersOf(billing, customer);
    const expired = before.meters.find((meter) => meter.verificationDueOn < today);
    const valid = validMeter(before, today);
    expect(expired).toBeDefined();
    expect(before.submissions).toEqual([]);

    const page = await openPage({ as: customer });
    const problems = pageProblems(page);
    await openReadings(page);

    // Both meters with admission and verification dates and the last accepted reading.
    const validCard = page.getByRole('article', { name: `Горячая вода, счётчик № ${valid.serialNumber}` });
    const expiredCard = page.getByRole('article', { name: `Горячая вода, счётчик № ${expired!.serialNumber}` });
    const validText = await validCard.textContent();
    expect(validText).toContain(ru(valid.installedOn));
    expect(validText).toContain(ru(valid.verificationDueOn));
    expect(validText).toContain(`${formatReading(valid.lastReading.value, 3)} м³ от ${ru(valid.lastReading.takenOn)}`);
    expect(await page.getByText('Показания, переданные сегодня, будут учтены в расчёте за').isVisible()).toBe(true);

    // The expired meter: flagged, explained with what it means for the bill, its field disabled.
    const expiredText = await expiredCard.textContent();
    expect(expiredText).toContain(ru(expired!.installedOn));
    expect(expiredText).toContain('Срок поверки истёк');
    expect(expiredText).toContain(
      `Срок поверки счётчика истёк ${ru(expired!.verificationDueOn)}. Показания этого счётчика не принимаются к расчёту: ` +
        'начисление идёт по среднему потреблению за 3 месяца, а затем — по нормативу.',
    );
    expect(expiredText).toContain('принесите свидетельство о поверке в офис обслуживания');
    expect(await page.getByLabel(`Новое показание счётчика № ${expired!.serialNumber}`).isDisabled()).toBe(true);

    // Lower than the previous reading: refused, with the way out.
    await enterReading(page, valid, above(valid, -1));
    await page.getByRole('button', { name: 'Рассчитать расход' }).click();
    await expect
      .poll(() =>
        validCard
          .getByText(`Показание меньше предыдущего (${formatReading(valid.lastReading.value, 3)}) и не может быть принято.`)
          .isVisible(),
      )
      .toBe(true);
    expect(await validCard.textContent()).toContain('замена счётчика оформляется в офисе');

    // A proper reading: «Рассчитать расход» shows the consumption.
    await enterReading(page, valid, above(valid, 2));
    await page.getByRole('button', { name: 'Рассчитать расход' }).click();
    await expect.poll(() => validCard.getByText('Расход: 2 м³', { exact: true }).isVisible()).toBe(true);

    // Far above the usual: a real modal dialog asks to confirm; «Нет» sends nothing and keeps the reading.
    await enterReading(page, valid, above(valid, 60));
    await page.getByRole('button', { name: 'Передать показания' }).click();
    const dialog = page.getByRole('dialog', { name: 'Подтвердите передачу показаний' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    expect(await dialog.textContent()).toContain(`Счётчик № ${valid.serialNumber}: расход 60 м³ — в`);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('dialog');
    expect(await validCard.getByText('Расход 60 м³ — в').isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Нет', exact: true }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.getByLabel(`Новое показание счётчика № ${valid.serialNumber}`).inputValue()).toBe(above(valid, 60));
    expect((await metersOf(billing, customer)).submissions).toEqual([]);

    // Submit: the confirmation with the billing centre's registration number, date and time.
    await enterReading(page, valid, above(valid, 2));
    await page.getByRole('button', { name: 'Передать показания' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Показания переданы' }).isVisible()).toBe(true);
    const afterFirst = await metersOf(billing, customer);
    const firstNumber = afterFirst.submissions[0]?.registrationNumber ?? '';
    expect(firstNumber).toMatch(/^П-\d{8}-\d{6}$/);
    const receipt = page.getByRole('status').filter({ hasText: 'Регистрационный номер' });
    expect(await receipt.textContent()).toContain(`Регистрационный номер: ${firstNumber}`);
    expect(await receipt.textContent()).toContain('Показания приняты расчётным центром.');
    expect(await receipt.textContent()).toMatch(
      new RegExp(`Дата и время: ${ru(today).replaceAll('.', '\\.')}, \\d\\d:\\d\\d \\(время уфимское\\)`),
    );
    expect(await page.getByText('к расчёту принимаются последние переданные.').isVisible()).toBe(true);
    expect(afterFirst.submissions[0]?.readings).toEqual([{ meterId: valid.meterId, value: Number(above(valid, 2).replace(',', '.')) }]);

    // «Исправить»: new value, recalculate, then Да / Нет before the correction goes.
    await page.getByRole('button', { name: 'Исправить' }).click();
    await expect.poll(() => page.getByText(`Исправление показаний № ${firstNumber}`).isVisible()).toBe(true);
    expect(await page.getByText(`№ ${firstNumber}, ${ru(today)} в`).isVisible()).toBe(true);
    await enterReading(page, valid, above(valid, 3));
    await page.getByRole('button', { name: 'Рассчитать расход' }).click();
    await expect.poll(() => validCard.getByText('Расход: 3 м³', { exact: true }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Передать показания' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain(
      `Исправленные показания заменят переданные ранее (№\u00a0${firstNumber}). Передать откорректированные показания?`,
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('dialog');
    await dialog.getByRole('button', { name: 'Да', exact: true }).click();

    await expect.poll(() => page.getByRole('heading', { name: 'Показания исправлены' }).isVisible()).toBe(true);
    const afterCorrection = await metersOf(billing, customer);
    const correctedNumber = afterCorrection.submissions[0]?.registrationNumber ?? '';
    expect(correctedNumber).not.toBe(firstNumber);
    expect(afterCorrection.submissions).toHaveLength(2);
    expect(afterCorrection.submissions[0]?.readings).toEqual([
      { meterId: valid.meterId, value: Number(above(valid, 3).replace(',', '.')) },
    ]);
    expect(await page.getByRole('status').filter({ hasText: 'Регистрационный номер' }).textContent()).toContain(correctedNumber);
    expect(
      await page
        .getByText(`Эти показания заменили переданные ранее (№ ${firstNumber}): к расчёту принимаются последние переданные показания.`)
        .isVisible(),
    ).toBe(true);
    expect(await page.getByRole('row', { name: new RegExp(valid.serialNumber) }).textContent()).toContain('3 м³');

    await page.getByRole('button', { name: 'На главную' }).click();
    await expect.poll(() => page.getByRole('heading', { name: /^Здравствуйте/ }).isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('outside the reading window (15–25, billing centre on 26.11.2026) the submission is refused with the window', async ({ browser }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-readings-window-'));
    const billing = await startReferenceBillingServer({
      dbFile: path.join(dir, 'billing.sqlite'),
      readingWindow: { fromDay: 15, toDay: 25 },
      now: () => Date.parse('2026-11-26T10:00:00+05:00'),
    });
    onTestFinished(async () => {
      await billing.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    // A kiosk of its own against a billing centre whose calendar is fixed, beside the file's kiosk.
    const windowKiosk = await startKioskProcess({ env: { KIOSK_BILLING_URL: billing.url } });
    onTestFinished(() => windowKiosk.stop());

    const meter = validMeter(await metersOf(billingClientFor(billing.url), customer), '2026-11-26');
    const page = await openKioskPage(browser, windowKiosk);
    onTestFinished(() => page.context().close());
    await logInAs(page, customer);
    await openReadings(page);
    await enterReading(page, meter, above(meter, 1));
    await page.getByRole('button', { name: 'Передать показания' }).click();
    // Refused by the terminal (its own date outside the window) or, on delivery, by the billing centre: the window is said either way.
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'Показания принимаются' }).textContent(), { timeout: 15_000 })
      .toContain('Показания принимаются с 15 по 25 число месяца');
    expect(await page.getByLabel(`Новое показание счётчика № ${meter.serialNumber}`).inputValue()).toBe(above(meter, 1));
    expect(await page.getByRole('heading', { name: 'Показания переданы' }).count()).toBe(0);
    expect(billing.db.prepare<[], { count: number }>('SELECT count(*) AS count FROM reading_submission').get()?.count).toBe(0);
  });
});
