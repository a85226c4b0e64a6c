// The one end-to-end fixture: `kioskTest(setup)` gives a test file its own kiosk in browser mode with
// a fresh data folder (in training mode, or against the file's own reference billing server, with a
// printer emulator or a configuration if the file asks) and one Chromium; each test gets fresh
// browser contexts, logged out or with a demo customer logged in, all closed after the test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import {
  startReferenceBillingServer,
  type ReferenceBillingServer,
  type ReferenceBillingServerOptions,
} from '../../src-main/billing-server/reference-billing-server';
import { BillingClient } from '../../src-main/core/billing/billing-client';
import { startKioskProcess, trainingBillingUrl, type KioskProcess } from './browser-mode-process';
import { launchChromium, showKiosk, VIEWPORTS, type Orientation } from './chromium';
import type { DemoAccount } from './demo-accounts';
import { logInAs, openStaffScreen, watchForPageProblems, type StaffCredentials } from './kiosk-page';
import { PrinterEmulator } from './printer-emulator';

/** The file's own reference billing server, and the SQLite file behind it (to restart it on the same data). */
export type OwnBillingServer = ReferenceBillingServer & { dbFile: string };

export interface KioskSetup {
  /** Environment variables for the kiosk process (KIOSK_BILLING_URL and KIOSK_PRINTER are set from the options below). */
  env?: Record<string, string>;
  /** Written to the fresh data folder as kiosk-config.json before the kiosk starts. */
  config?: Record<string, unknown>;
  /** Runs the file's own reference billing server on a fresh SQLite file and points the kiosk at it; training mode otherwise. */
  ownBilling?: true | Omit<ReferenceBillingServerOptions, 'dbFile'>;
  /** Points the kiosk at a TCP printer emulator with this command set. */
  printer?: 'epson' | 'star';
  /**
   * Runs once the billing server and printer are up, before the kiosk starts: to change the billing
   * centre's data or seed the kiosk's data folder. `billingServer` is null in training mode.
   */
  prepare?: (context: { dataDir: string; billingServer: OwnBillingServer | null }) => Promise<void> | void;
}

export interface OpenPageOptions {
  orientation?: Orientation;
  /** Installs Playwright's fake clock before the app loads, so timeouts run on `page.clock`. */
  fakeClock?: boolean;
  /** Logs this demo customer in and waits for their home screen. */
  as?: DemoAccount;
  /** Opens the staff screen as this staff member (e.g. TRAINING_STAFF in training mode); not on a fake clock. */
  asStaff?: StaffCredentials;
}

export type OpenPage = (options?: OpenPageOptions) => Promise<Page>;

const problemsByPage = new WeakMap<Page, string[]>();

// One Chromium per test file, shared by every `kioskTest` of the file (a file may run two kiosks).
let sharedBrowser: { browser: Promise<Browser>; users: number } | null = null;

function acquireBrowser(): Promise<Browser> {
  sharedBrowser ??= { browser: launchChromium(), users: 0 };
  sharedBrowser.users += 1;
  return sharedBrowser.browser;
}

async function releaseBrowser(): Promise<void> {
  if (!sharedBrowser || --sharedBrowser.users > 0) return;
  const { browser } = sharedBrowser;
  sharedBrowser = null;
  await (await browser).close();
}

/**
 * Content-Security-Policy violations and page errors of a page from `page` or `openPage`, collected
 * from before the app loaded (so a customer logged in by the fixture is watched from the start).
 */
export function pageProblems(page: Page): string[] {
  const problems = problemsByPage.get(page);
  if (!problems) throw new Error('pageProblems() watches only pages opened by the kiosk fixture');
  return problems;
}

/** Calls into the billing centre as a second device would (terminal «E2E»). */
export function billingClientFor(baseUrl: string): BillingClient {
  return new BillingClient({ baseUrl, terminalId: 'E2E', terminalKey: 'training', timeoutMs: 5000 });
}

/**
 * A `test` for one end-to-end file. File fixtures: `browser`, `kiosk`, `billing` (a client of the
 * billing centre the kiosk talks to), `billingServer` and `printer` (when `setup` asks for them).
 * Test fixtures: `page` (a fresh context at the start screen) and `openPage` (more of them, in
 * portrait, on a fake clock, with a demo customer logged in or with staff mode open).
 */
export function kioskTest(setup: KioskSetup = {}) {
  const kioskFileTest = test
    // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's dependencies from its destructuring
    .extend('browser', { scope: 'file' }, async ({}, { onCleanup }): Promise<Browser> => {
      onCleanup(releaseBrowser);
      return acquireBrowser();
    })
    // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's dependencies from its destructuring
    .extend('ownBilling', { scope: 'file' }, async ({}, { onCleanup }): Promise<OwnBillingServer | null> => {
      if (!setup.ownBilling) return null;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-e2e-billing-'));
      const dbFile = path.join(dir, 'billing.sqlite');
      const server = await startReferenceBillingServer({ ...(setup.ownBilling === true ? {} : setup.ownBilling), dbFile });
      onCleanup(async () => {
        // A test may have closed it already (the billing centre going away is what it tests).
        await server.close().catch(() => undefined);
        fs.rmSync(dir, { recursive: true, force: true });
      });
      return Object.assign(server, { dbFile });
    })
    // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's dependencies from its destructuring
    .extend('ownPrinter', { scope: 'file' }, async ({}, { onCleanup }): Promise<{ emulator: PrinterEmulator; url: string } | null> => {
      if (!setup.printer) return null;
      const emulator = new PrinterEmulator(setup.printer);
      const url = await emulator.start();
      onCleanup(() => emulator.stop());
      return { emulator, url };
    })
    .extend('kiosk', { scope: 'file' }, async ({ ownBilling, ownPrinter }, { onCleanup }): Promise<KioskProcess> => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-e2e-'));
      await setup.prepare?.({ dataDir, billingServer: ownBilling });
      const kiosk = await startKioskProcess({
        dataDir,
        ...(setup.config ? { config: setup.config } : {}),
        env: {
          ...(ownBilling ? { KIOSK_BILLING_URL: ownBilling.url } : {}),
          ...(ownPrinter ? { KIOSK_PRINTER: ownPrinter.url } : {}),
          ...setup.env,
        },
      });
      onCleanup(async () => {
        await kiosk.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      });
      return kiosk;
    })
    .extend('billingServer', { scope: 'file' }, ({ ownBilling }): OwnBillingServer => {
      if (!ownBilling) throw new Error('this file runs in training mode: pass `ownBilling` to kioskTest for a billing server of its own');
      return ownBilling;
    })
    .extend('printer', { scope: 'file' }, ({ ownPrinter }): PrinterEmulator => {
      if (!ownPrinter) throw new Error('pass `printer` to kioskTest for a printer emulator');
      return ownPrinter.emulator;
    })
    .extend('billing', { scope: 'file' }, ({ kiosk, ownBilling }): BillingClient =>
      billingClientFor(ownBilling?.url ?? trainingBillingUrl(kiosk)),
    )
    .extend('openPage', async ({ browser, kiosk }, { onCleanup }): Promise<OpenPage> => {
      const contexts: Array<Awaited<ReturnType<Browser['newContext']>>> = [];
      onCleanup(async () => {
        for (const context of contexts) await context.close().catch(() => undefined);
      });
      return async ({ orientation = 'landscape', fakeClock = false, as, asStaff } = {}) => {
        if (asStaff && fakeClock)
          throw new Error('the staff corner is held on the real clock: hold it yourself with holdStaffCorner(page, ms, wait)');
        const context = await browser.newContext({ viewport: VIEWPORTS[orientation], hasTouch: true, locale: 'ru-RU' });
        contexts.push(context);
        const page = await context.newPage();
        problemsByPage.set(page, watchForPageProblems(page));
        if (fakeClock) await page.clock.install();
        await showKiosk(page, kiosk);
        if (as) {
          await logInAs(page, as);
          const home = page.getByRole('heading', { name: /^Здравствуйте, /, level: 1 });
          await expect
            .poll(() => home.isVisible(), { message: `${as.accountNumber} did not reach the home screen` })
            .toBe(true)
            .catch(async (error: unknown) => {
              const shown = await page.locator('main, [role="alert"]').allTextContents();
              throw new Error(`${(error as Error).message}; on screen: ${shown.join(' | ').slice(0, 500)}`);
            });
        }
        if (asStaff) await openStaffScreen(page, asStaff);
        return page;
      };
    })
    .extend('page', async ({ openPage }): Promise<Page> => openPage());
  // Start the file's kiosk and Chromium before its first test, under the hook timeout, so a test's
  // own timeout measures the test and not the start of the kiosk.
  kioskFileTest.beforeAll(async ({ kiosk, browser }) => {
    await Promise.all([kiosk, browser]);
  });
  return kioskFileTest;
}
