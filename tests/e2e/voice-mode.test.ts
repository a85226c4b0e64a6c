// Voice mode in a real browser, as a customer who cannot see the screen uses it: the screen is
// curtained, and only the tactile keypad's keys are pressed (▲ ▼ move, ● activates, ◄ back, ?
// help). In each language the customer logs in (by password, in English with the paper bill),
// hears what they owe and its breakdown, prints the payment slip
// (decoded from the printer emulator), submits a reading and logs out; the sequence of spoken texts
// is asserted, the password is never among them, and the speech really plays (WAV from espeak-ng).
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect } from 'vitest';
import { formatReading } from '../../src-main/features/readings/reading-checks';
import { formatMoney } from '../../src-renderer/lib/format-money';
import { BILL_HOLDERS, DEMO, TRAINING_STAFF } from '../support/demo-accounts';
import { workingMeterOf } from '../support/demo-meters';
import { kioskTest, pageProblems } from '../support/kiosk-test';
import {
  audioStillPlaying,
  escape,
  field,
  type Language,
  heard,
  moveTo,
  press,
  recordAudio,
  recordSpeech,
  screen,
  spokenSoFar,
  text,
  typeInto,
} from '../support/voice-page';

const it = kioskTest({ printer: 'epson', env: { KIOSK_PRINTER_WIDTH_MM: '80' } });
const withoutSpeech = kioskTest({ env: { KIOSK_ESPEAK_COMMAND: '/opt/missing/espeak-ng' } });

/**
 * The home screen as announced: its greeting names the holder by name and patronymic, or greets
 * without a name where the name is only initials (a bill session).
 */
const home = (language: Language) =>
  new RegExp(
    `^(${escape(screen(language, text(language, 'home.greeting', { name: '§' }))).replace('§', '.+')}|${escape(screen(language, text(language, 'home.greetingWithoutName')))})$`,
  );

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
      const bill = BILL_HOLDERS.owesMoney;
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

      if (language === 'en') {
        // Log in with the paper bill: its code is a secret too.
        await press(page, language, text(language, 'start.billLogin'));
        await heard(page, screen(language, text(language, 'billLogin.title')));
        await typeInto(page, language, text(language, 'billLogin.accountLabel'), bill.accountNumber);
        await typeInto(page, language, text(language, 'billLogin.codeLabel'), bill.billCode);
        await heard(page, text(language, 'voiceMode.state.secretEntered', { count: String(bill.billCode.length) }));
        await press(page, language, text(language, 'billLogin.submit'));
      } else {
        // Log in by password. A complete account number moves the form on to the password, and voice mode says so.
        await press(page, language, text(language, 'start.login'));
        await heard(page, screen(language, text(language, 'login.title')));
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
      }
      await heard(page, home(language));

      // What they owe, read from the screen, and (logged in fully) its breakdown by service.
      await moveTo(page, formatMoney(summary.amountDueKopecks));
      if (language !== 'en') {
        await press(page, language, text(language, 'home.menuCharges'));
        await heard(page, screen(language, text(language, 'charges.title')));
        await moveTo(page, /^Отопление \(физ\.лица\), Гкал, .+\s₽$/);
        await page.keyboard.press('ArrowLeft');
        await heard(page, home(language));
      }

      // The payment slip, printed at one press; the dialog that says so is closed.
      await press(page, language, text(language, 'home.menuPay'));
      await heard(page, screen(language, text(language, 'pay.title')));
      // The code (and the slip's button beside it) comes a moment after the screen, from the core.
      await expect.poll(() => page.getByTestId('payment-qr').isVisible(), { timeout: 10_000 }).toBe(true);
      const printedBefore = printer.printed().length;
      await press(page, language, text(language, 'pay.printSlip'));
      await heard(page, text(language, 'print.printed'));
      await expect.poll(() => printer.printed().length).toBe(printedBefore + 1);
      const slip = printer.printed().at(-1);
      expect(slip?.lines.join('\n')).toContain(customer.accountNumber);
      expect(slip?.qrPayloads[0]).toContain(`PersAcc=${customer.accountNumber}`);
      await press(page, language, text(language, 'print.close'));

      // A reading, submitted.
      await page.keyboard.press('ArrowLeft');
      await heard(page, home(language));
      await press(page, language, text(language, 'home.menuReadings'));
      await heard(page, screen(language, text(language, 'readings.title')));
      await typeInto(page, language, text(language, 'readings.fieldLabel', { serial: meter.serialNumber }), reading, { clear: true });
      await press(page, language, text(language, 'readings.submit'));
      await heard(page, text(language, 'readings.submittedTitle'));

      // Logging out ends voice mode and its audio.
      await page.keyboard.press('ArrowLeft');
      await heard(page, home(language));
      await press(page, language, text(language, 'home.logout'));
      await expect.poll(() => page.getByTestId('voice-caption').count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.classList.contains('voice-curtain'))).toBe(false);

      const spoken = (await spokenSoFar(page)).join('\n');
      expect(spoken).not.toContain(customer.password);
      expect(spoken).not.toContain([...bill.billCode].join(' '));
      expect(spoken).not.toMatch(new RegExp(`${escape(text(language, 'voiceMode.state.entered', { value: '' }))}\\s*[a-z]`));
      expect(problems).toEqual([]);
    });
  }

  it('explore by touch: a tap names an item, a second tap presses it; ? gives its help; a reload ends voice mode', async ({ openPage }) => {
    const page = await openPage();
    const problems = pageProblems(page);
    await recordSpeech(page);
    await recordAudio(page);
    // A companion may switch it on from the header's corner.
    await page.getByRole('button', { name: text('ru', 'voiceMode.toggle') }).tap();
    await heard(page, text('ru', 'voiceMode.intro'));

    const login = page.getByRole('button', { name: text('ru', 'start.login') });
    await login.tap();
    await heard(page, `Кнопка. ${text('ru', 'start.login')}.`);
    expect(await page.getByRole('heading', { name: text('ru', 'start.welcome') }).isVisible()).toBe(true);
    await login.tap();
    await heard(page, screen('ru', text('ru', 'login.title')));

    // A tap on a field names it without choosing it; ? reads its hint and the keys.
    await page.getByLabel(text('ru', 'login.accountLabel')).tap();
    await heard(page, `Поле. ${text('ru', 'login.accountLabel')}. Пусто.`);
    await page.keyboard.press('?');
    await heard(page, `${text('ru', 'login.accountHint')} ${text('ru', 'voiceMode.keysHelp')}`);

    // The customer's speed and volume; each new utterance silences the one before.
    await page.getByRole('button', { name: text('ru', 'voiceMode.panel.slower') }).dblclick();
    await heard(page, 'Скорость речи: медленная.');
    await page.getByRole('button', { name: text('ru', 'voiceMode.panel.quieter') }).dblclick();
    await heard(page, 'Громкость: 60 %.');
    expect((await audioStillPlaying(page)).filter(Boolean).length).toBeLessThanOrEqual(1);

    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: text('ru', 'voiceMode.toggle') }).getAttribute('aria-pressed')).toBe('false');
    expect(await page.getByTestId('voice-caption').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});

describe('a terminal without espeak-ng', () => {
  withoutSpeech('offers customers no voice mode, and tells staff what to install', async ({ openPage }) => {
    const page = await openPage();
    await expect.poll(() => page.getByRole('heading', { name: text('ru', 'start.welcome') }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: text('ru', 'voiceMode.toggle') }).count()).toBe(0);
    await page.keyboard.press('?');
    expect(await page.getByTestId('voice-caption').count()).toBe(0);

    const staff = await openPage({ asStaff: TRAINING_STAFF });
    await expect
      .poll(() => staff.getByText(text('ru', 'voice.engine.notFound', { command: '/opt/missing/espeak-ng' })).isVisible())
      .toBe(true);
  });
});
