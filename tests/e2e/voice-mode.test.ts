// Voice mode in a real browser, as a customer who cannot see the screen uses it: the screen is
// curtained, and only the tactile keypad's keys are pressed (▲ ▼ move, ● activates, ◄ back, ?
// help). In each language the customer logs in, hears what they owe, prints the payment slip
// (decoded from the printer emulator), submits a reading and logs out; the sequence of spoken texts
// is asserted, the password is never among them, and the speech really plays (WAV from espeak-ng).
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect } from 'vitest';
import { formatReading } from '../../src-main/features/readings/reading-checks';
import { formatMoney } from '../../src-renderer/lib/format-money';
import { DEMO } from '../support/demo-accounts';
import { workingMeterOf } from '../support/demo-meters';
import { kioskTest, pageProblems } from '../support/kiosk-test';
import { escape, field, heard, moveTo, press, recordSpeech, screen, spokenSoFar, text, typeInto } from '../support/voice-page';

const it = kioskTest({ printer: 'epson', env: { KIOSK_PRINTER_WIDTH_MM: '80' } });

/** The share of the screen's pixels that are not dark: a curtained screen shows only its one grey line. */
async function brightShare(page: Page): Promise<number> {
  const image = PNG.sync.read(await page.screenshot());
  let bright = 0;
  for (let offset = 0; offset < image.data.length; offset += 4) {
    const luminance = 0.2126 * image.data[offset]! + 0.7152 * image.data[offset + 1]! + 0.0722 * image.data[offset + 2]!;
    if (luminance > 60) bright += 1;
  }
  return bright / (image.width * image.height);
}

describe('voice mode', () => {
  for (const language of ['ru', 'ba', 'en'] as const) {
    it(`[${language}] a customer who cannot see logs in, hears the debt, prints the slip, submits a reading and logs out`, async ({
      openPage,
      billing,
      printer,
    }) => {
      const customer = DEMO.owesMoney;
      const session = await billing.login(customer.accountNumber, customer.password);
      const summary = await billing.getAccountSummary(session.sessionToken);
      const meter = await workingMeterOf(billing, customer);
      const reading = formatReading(meter.lastReading.value + 1.5, meter.fractionDigits);

      const page = await openPage();
      const problems = pageProblems(page);
      await recordSpeech(page);

      // The keypad's ? key turns voice mode on, which explains its keys.
      await expect.poll(() => page.getByRole('button', { name: text('ru', 'voiceMode.toggle') }).isVisible()).toBe(true);
      await page.keyboard.press('?');
      await heard(page, text('ru', 'voiceMode.intro'));
      // Real speech: the WAV espeak-ng made for the caption plays in the page.
      await expect.poll(() => page.getByTestId('voice-caption').getAttribute('data-sounding')).toBe('true');
      if (language !== 'ru') {
        await press(page, 'ru', text(language, `language.${language}`));
        await heard(page, screen(language, text(language, 'start.welcome')));
      }

      // The privacy curtain: nothing of the screen shows from here on.
      await press(page, language, text(language, 'voiceMode.panel.curtainOn'));
      await heard(page, text(language, 'voiceMode.panel.curtainIsOn'));
      expect(await brightShare(page)).toBeLessThan(0.01);

      // Log in by password.
      await press(page, language, text(language, 'start.login'));
      await heard(page, screen(language, text(language, 'login.title')));
      // A complete account number moves the form on to the password, and voice mode says so.
      await typeInto(page, language, text(language, 'login.accountLabel'), customer.accountNumber, { back: false });
      await heard(page, text(language, 'voiceMode.fieldChosen', { label: text(language, 'login.passwordLabel') }));
      const accountField = field(language, text(language, 'login.accountLabel')).slice(0, -1);
      await moveTo(
        page,
        `${accountField}. ${text(language, 'voiceMode.state.entered', { value: [...customer.accountNumber].join(' ') })}.`,
      );
      await typeInto(page, language, text(language, 'login.passwordLabel'), customer.password);
      await heard(page, text(language, 'voiceMode.state.secretEntered', { count: String(customer.password.length) }));
      await press(page, language, text(language, 'login.submit'));
      await heard(page, screen(language, text(language, 'home.greeting', { name: summary.holderName })));

      // What they owe, read from the screen.
      await moveTo(page, formatMoney(summary.amountDueKopecks));

      // The payment slip, printed.
      await press(page, language, text(language, 'home.menuPay'));
      await heard(page, screen(language, text(language, 'pay.title')));
      const printedBefore = printer.printed().length;
      await press(page, language, text(language, 'pay.printSlip'));
      await press(page, language, text(language, 'print.print'));
      await heard(page, text(language, 'print.printed'));
      await expect.poll(() => printer.printed().length).toBe(printedBefore + 1);
      const slip = printer.printed().at(-1);
      expect(slip?.lines.join('\n')).toContain(customer.accountNumber);
      expect(slip?.qrPayloads[0]).toContain(`PersAcc=${customer.accountNumber}`);

      // A reading, submitted.
      await page.keyboard.press('ArrowLeft');
      await heard(page, screen(language, text(language, 'home.greeting', { name: summary.holderName })));
      await press(page, language, text(language, 'home.menuReadings'));
      await heard(page, screen(language, text(language, 'readings.title')));
      await typeInto(page, language, text(language, 'readings.fieldLabel', { serial: meter.serialNumber }), reading, { clear: true });
      await press(page, language, text(language, 'readings.submit'));
      await heard(page, text(language, 'readings.submittedTitle'));

      // Logging out ends voice mode and its audio.
      await page.keyboard.press('ArrowLeft');
      await press(page, language, text(language, 'home.logout'));
      await expect.poll(() => page.getByTestId('voice-caption').count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.classList.contains('voice-curtain'))).toBe(false);

      const spoken = (await spokenSoFar(page)).join('\n');
      expect(spoken).not.toContain(customer.password);
      expect(spoken).not.toMatch(new RegExp(`${escape(text(language, 'voiceMode.state.entered', { value: '' }))}\\s*[a-z]`));
      expect(problems).toEqual([]);
    });
  }
});
