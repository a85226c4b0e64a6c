// The billing centre goes away in the middle of a visit: the customer still submits readings and
// gets an honest "queued" confirmation; when the billing centre is back, the reading arrives by
// itself (nobody touches the kiosk) and the link indicator returns to normal.
import { describe, expect, onTestFinished } from 'vitest';
import { startReferenceBillingServer } from '../../src-main/billing-server/reference-billing-server';
import { formatReading } from '../../src-main/features/readings/reading-checks';
import { DEMO } from '../support/demo-accounts';
import { workingMeterOf } from '../support/demo-meters';
import { keypad, typeReading } from '../support/kiosk-page';
import { kioskTest } from '../support/kiosk-test';

const it = kioskTest({
  ownBilling: true,
  env: { KIOSK_BILLING_TIMEOUT_MS: '1500', KIOSK_HEARTBEAT_S: '5', KIOSK_RETRY_BASE_MS: '200', KIOSK_RETRY_CAP_MS: '2000' },
});
const customer = DEMO.expiredVerification;

describe('offline in the middle of a visit', () => {
  it('queues the readings with an honest confirmation and delivers them when the billing centre returns', async ({
    openPage,
    billing,
    billingServer,
  }) => {
    const meter = await workingMeterOf(billing, customer);
    const reading = formatReading(meter.lastReading.value + 1.25, meter.fractionDigits);

    const page = await openPage({ as: customer });
    await page.getByRole('button', { name: 'Передать показания' }).click();
    await page.getByLabel(`Новое показание счётчика № ${meter.serialNumber}`).click();

    // The billing centre disappears after the meters were loaded.
    const port = new URL(billingServer.url).port;
    await billingServer.close();

    await keypad(page).getByRole('button', { name: 'Очистить', exact: true }).click();
    await typeReading(page, reading);
    await page.getByRole('button', { name: 'Передать показания' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Показания приняты и ждут отправки' }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    expect(
      await page.getByText('Показания приняты терминалом и будут переданы в расчётный центр, как только появится связь.').isVisible(),
    ).toBe(true);
    expect(await page.getByText(/^Номер операции на терминале: UIS-TRAINING-01-\d{6}$/).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Нет связи с расчётным центром', { exact: true }).isVisible(), { timeout: 15_000 }).toBe(true);

    // Back on the same address; nobody touches the kiosk.
    const restarted = await startReferenceBillingServer({ dbFile: billingServer.dbFile, port: Number(port) });
    onTestFinished(() => restarted.close());
    const delivered = () =>
      restarted.db
        .prepare<[string, string], { count: number }>(
          'SELECT count(*) AS count FROM reading_submission WHERE account_number = ? AND readings_json LIKE ?',
        )
        .get(customer.accountNumber, `%${meter.meterId}%`)?.count ?? 0;
    await expect.poll(delivered, { timeout: 30_000, interval: 500 }).toBe(1);
    await expect.poll(() => page.getByText('Связь с расчётным центром есть', { exact: true }).isVisible(), { timeout: 30_000 }).toBe(true);
  });
});
