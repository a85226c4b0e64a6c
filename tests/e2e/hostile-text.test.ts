// Text that travels from the billing centre to the screen and to paper is shown literally: a
// name, an address or an appeal answer with HTML in it never becomes markup or runs a script.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceBillingServer, type ReferenceBillingServer } from '../../src-main/billing-server/reference-billing-server';
import { startKioskProcess, type KioskProcess } from '../support/browser-mode-process';
import { launchChromium, openKioskPage } from '../support/chromium';
import { logIn, watchForPageProblems } from '../support/kiosk-page';

const NAME = '<img src=x onerror="window.__injected=1">Иванов "Иван" \'Иванович\'';
const ADDRESS = 'г. Уфа, <script>window.__injected=2</script> ул. Ленина, д. 1';
const ANSWER = '<b onmouseover="window.__injected=3">Ответ</b> & ещё';

let browser: Browser;
let billing: ReferenceBillingServer;
let kiosk: KioskProcess;

beforeAll(async () => {
  billing = await startReferenceBillingServer({
    dbFile: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-hostile-')), 'billing.sqlite'),
  });
  billing.db.prepare('UPDATE account SET holder_name = ?, address = ? WHERE account_number = ?').run(NAME, ADDRESS, '820000002');
  billing.db
    .prepare(
      `INSERT INTO appeal (appeal_number, account_number, topic_id, text, registered_at, status, answer)
       VALUES ('О-20261101-999999', '820000002', 'other', ?, '2026-11-01T10:00:00Z', 'answered', ?)`,
    )
    .run('<iframe src="javascript:alert(1)"></iframe>', ANSWER);
  kiosk = await startKioskProcess({ env: { KIOSK_BILLING_URL: billing.url } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
  await billing?.close();
});

describe('hostile text from the billing centre', () => {
  it('is shown literally on the home screen and in the appeals, and nothing runs', async () => {
    const page = await openKioskPage(browser, kiosk.url);
    const problems = watchForPageProblems(page);
    await logIn(page, '820000002', 'demo1234');
    await expect.poll(() => page.getByRole('heading', { name: `Здравствуйте, ${NAME}!` }).isVisible()).toBe(true);
    expect(await page.getByText(ADDRESS, { exact: true }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Виртуальная приёмная' }).click();
    await expect.poll(() => page.getByText(ANSWER).first().isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await page.locator('img[src="x"], iframe, b[onmouseover]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
