// Voice mode in a real browser, as a customer who cannot see the screen uses it: the screen is
// curtained, and only the tactile keypad's keys are pressed (▲ ▼ move, ● activates, ◄ back, ?
// help). In each language the customer logs in, hears what they owe, prints the payment slip
// (decoded from the printer emulator), submits a reading and logs out; the sequence of spoken texts
// is asserted, the password is never among them, and the speech really plays (WAV from espeak-ng).
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import bashkir from '../../resources/messages/ba.json';
import english from '../../resources/messages/en.json';
import russian from '../../resources/messages/ru.json';
import { formatReading } from '../../src-main/features/readings/reading-checks';
import { formatMoney } from '../../src-renderer/lib/format-money';
import { DEMO } from '../support/demo-accounts';
import { workingMeterOf } from '../support/demo-meters';
import { kioskTest, pageProblems } from '../support/kiosk-test';

const it = kioskTest({ printer: 'epson', env: { KIOSK_PRINTER_WIDTH_MM: '80' } });

type Language = 'ru' | 'ba' | 'en';
const CATALOGS = { ru: russian, ba: bashkir, en: english } as const;

/** A catalog text with its ICU placeholders filled in (only plain `{name}` ones are used here). */
function text(language: Language, key: string, values: Record<string, string> = {}): string {
  let node: unknown = CATALOGS[language];
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no catalog text ${key}`);
  return node.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const button = (language: Language, name: string) => `${text(language, 'voiceMode.role.button')}. ${name}.`;
/** A new screen, as voice mode announces it: its title without its own closing mark. */
const screen = (language: Language, title: string) => text(language, 'voiceMode.screen', { title: title.replace(/[.!?]+$/, '') });
const field = (language: Language, label: string) => `${text(language, 'voiceMode.role.field')}. ${label}.`;

/** Records every caption voice mode shows: the texts it speaks, in order. */
async function recordSpeech(page: Page): Promise<void> {
  await page.evaluate(() => {
    const spoken: string[] = [];
    (window as unknown as { spoken: string[] }).spoken = spoken;
    new MutationObserver(() => {
      const caption = document.querySelector('[data-testid="voice-caption"]')?.textContent ?? '';
      if (caption && spoken.at(-1) !== caption) spoken.push(caption);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

const spokenSoFar = (page: Page) => page.evaluate(() => (window as unknown as { spoken: string[] }).spoken.slice());
const lastSpoken = async (page: Page) => (await spokenSoFar(page)).at(-1) ?? '';

/** Waits until voice mode has said something that matches. */
async function heard(page: Page, expected: string | RegExp): Promise<void> {
  const matches = (said: string) => (typeof expected === 'string' ? said.includes(expected) : expected.test(said));
  await expect
    .poll(async () => (await spokenSoFar(page)).some(matches), { timeout: 10_000 })
    .toBe(true)
    .catch(async (error: unknown) => {
      console.log(
        'DEBUG',
        await page.evaluate(() =>
          [...document.querySelectorAll('.keyed-field.active input, .keyed-field.active textarea')]
            .map((e) => e.id + '=' + (e as HTMLInputElement).value)
            .join(','),
        ),
      );
      throw new Error(`never heard «${String(expected)}»; last said:\n${(await spokenSoFar(page)).slice(-6).join('\n')}`, { cause: error });
    });
}

/** Presses ▼ until the item spoken is the one wanted (a blind customer listens the same way). */
async function moveTo(page: Page, announcement: string | RegExp, maxPresses = 120): Promise<void> {
  const matches = (said: string) =>
    typeof announcement === 'string' ? said === announcement || said.endsWith(` ${announcement}`) : announcement.test(said);
  for (let press = 0; press < maxPresses; press += 1) {
    await page.keyboard.press('ArrowDown');
    if (matches(await lastSpoken(page))) return;
  }
  throw new Error(`never reached «${String(announcement)}»; said:\n${(await spokenSoFar(page)).slice(-maxPresses).join('\n')}`);
}

/** Moves to a button and presses ●. */
async function press(page: Page, language: Language, name: string): Promise<void> {
  await moveTo(page, button(language, name));
  await page.keyboard.press('Enter');
}

/**
 * Chooses a field with ●, then types on its on-screen keys with ▼ and ● (a comma is the readings
 * keypad's «Запятая»), and goes back to the field with ◄. `clear` presses «Очистить» first.
 */
async function typeInto(
  page: Page,
  language: Language,
  label: string,
  characters: string,
  { clear = false, back = true } = {},
): Promise<void> {
  await moveTo(page, new RegExp(`^${escape(field(language, label).slice(0, -1))}\\.`));
  await page.keyboard.press('Enter');
  await heard(page, text(language, 'voiceMode.fieldChosen', { label }));
  const keys = [
    ...(clear ? [text(language, 'keypad.clear')] : []),
    ...[...characters].map((character) => (character === ',' ? text(language, 'readings.decimalKey') : character)),
  ];
  for (const key of keys) {
    await moveTo(page, button(language, key));
    await page.keyboard.press('Enter');
  }
  if (back) await page.keyboard.press('ArrowLeft');
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
      if (language !== 'ru') {
        await press(page, 'ru', text(language, `language.${language}`));
        await heard(page, screen(language, text(language, 'start.welcome')));
      }

      // The privacy curtain: nothing of the screen shows from here on.
      await press(page, language, text(language, 'voiceMode.panel.curtainOn'));
      await heard(page, text(language, 'voiceMode.panel.curtainIsOn'));
      expect(await page.evaluate(() => document.documentElement.classList.contains('voice-curtain'))).toBe(true);

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
