import { afterEach, describe, expect, it, vi } from 'vitest';
import { message } from '../../src-main/core/messages/messages';
import { i18n, type Language } from './i18n.svelte';
import type { KioskError } from './kiosk-api';
import { withEveryCatalog } from './i18n-test-kit';

withEveryCatalog();

/** The same refusal read in each language. */
function inEvery(error: KioskError): Record<Language, string> {
  const texts = {} as Record<Language, string>;
  for (const language of ['ru', 'ba', 'en'] as const) {
    void i18n.choose(language);
    texts[language] = i18n.error(error);
  }
  return texts;
}

describe('i18n.error', () => {
  it('says a refusal of the core in each language, with its values', () => {
    const wrong: KioskError = { code: 'wrong-credentials', message: message('errors.wrong-credentials', { attemptsLeft: 3 }) };
    expect(inEvery(wrong)).toEqual({
      ru: 'Неверный номер лицевого счёта или пароль. Осталось попыток: 3. Если вы забыли пароль, нажмите «Забыли пароль».',
      ba: 'Шәхси иҫәп номеры йәки пароль дөрөҫ түгел. Ҡалған тырышлыҡтар: 3. Паролде онотһағыҙ, «Паролде оноттоғоҙмо» төймәһенә баҫығыҙ.',
      en: 'Wrong account number or password. Attempts left: 3. If you forgot your password, tap «Forgot password».',
    });
  });

  it('counts the wait of a rate limit in each language’s plurals', () => {
    const limited = (minutes: number, seconds: number): KioskError => ({
      code: 'rate-limited',
      retryAfterSeconds: minutes * 60 + seconds,
      message: message('recover.refusals.rateLimited', { minutes, seconds }),
    });
    expect(inEvery(limited(15, 0))).toEqual({
      ru: 'Слишком много неудачных попыток восстановления пароля на этом терминале. Повторите через 15 минут или обратитесь к сотруднику офиса.',
      ba: 'Был терминалда паролде тергеҙеүҙең уңышһыҙ тырышлыҡтары бик күп. 15 минуттан һуң ҡабатлағыҙ йәки офис хеҙмәткәренә мөрәжәғәт итегеҙ.',
      en: 'Too many failed password recovery attempts on this terminal. Please try again in 15 minutes or ask a member of staff.',
    });
    void i18n.choose('ru');
    expect(i18n.error(limited(1, 0))).toMatch(/через 1 минуту или/);
    expect(i18n.error(limited(0, 22))).toMatch(/через 22 секунды или/);
    void i18n.choose('en');
    expect(i18n.error(limited(1, 0))).toMatch(/in 1 minute or/);
    expect(i18n.error(limited(0, 1))).toMatch(/in 1 second or/);
  });

  it('words a countdown as a duration, never as a clock, and keeps it on one line', () => {
    const countdowns = (seconds: number) => {
      const texts = {} as Record<Language, string>;
      for (const language of ['ru', 'ba', 'en'] as const) {
        void i18n.choose(language);
        texts[language] = i18n.formatCountdown(seconds).replaceAll('\u00A0', ' ');
      }
      return texts;
    };
    expect(countdowns(885)).toEqual({ ru: '14 мин 45 с', ba: '14 мин 45 с', en: '14 min 45 s' });
    expect(countdowns(900)).toEqual({ ru: '15 мин', ba: '15 мин', en: '15 min' });
    expect(countdowns(61)).toEqual({ ru: '1 мин 1 с', ba: '1 мин 1 с', en: '1 min 1 s' });
    expect(countdowns(45)).toEqual({ ru: '45 с', ba: '45 с', en: '45 s' });
    // A part of a second left still counts as a second: never «0 с» while the lock holds.
    expect(countdowns(0.2)).toEqual({ ru: '1 с', ba: '1 с', en: '1 s' });
    void i18n.choose('ru');
    expect(i18n.formatCountdown(885)).not.toMatch(/[ :]/);
    expect(i18n.t('login.lockedCountdown', { time: i18n.formatCountdown(885) })).toBe(
      'Вход станет доступен через 14\u00A0мин\u00A045\u00A0с',
    );
  });

  it('shows the billing centre’s own words in Russian only, and says in the other languages that it refused', () => {
    const refused: KioskError = {
      code: 'billing-refused',
      billingCode: 'account-closed',
      message: message('errors.billingRefusedText', { billingText: 'Лицевой счёт закрыт 01.10.2026.' }),
    };
    const texts = inEvery(refused);
    expect(texts.ru).toBe('Лицевой счёт закрыт 01.10.2026.');
    expect(texts.ba).toMatch(/^Иҫәп-хисап үҙәге операцияны кире ҡаҡты\./);
    expect(texts.en).toMatch(/^The billing centre refused the operation\./);
    expect(texts.ba + texts.en).not.toContain('закрыт');
  });

  it('picks the sentence of a choice and the month’s name from the catalog', () => {
    const window = message('readings.refusalOutsideWindow', {
      fromDay: 15,
      toDay: 25,
      opensOn: '15.12.2026',
      closesOn: '25.12.2026',
      month: '12',
      year: '2026',
    });
    const texts = inEvery({ code: 'invalid-input', message: window });
    expect(texts.ru).toMatch(/за декабрь 2026 г\.$/);
    expect(texts.ba).toContain('декабрь 2026 өсөн');
    expect(texts.en).toMatch(/for December 2026\.$/);
  });

  it('says a field’s refusal like any other message', () => {
    void i18n.choose('en');
    expect(i18n.message({ key: 'errors.account.digits' })).toBe('The account number has 9 digits');
    void i18n.choose('ba');
    expect(i18n.message({ key: 'errors.account.digits' })).toBe('Шәхси иҫәп номеры 9 цифрҙан тора');
  });
});

describe('message keys', () => {
  it('are checked by the type checker: a misspelt key does not compile', () => {
    // @ts-expect-error «errors.internl» is not a key of the catalogs
    const misspelt = i18n.t('errors.internl');
    // @ts-expect-error a refusal's message is a key and its values, not a text
    const text: KioskError = { code: 'internal', message: 'Произошла ошибка' };
    // At run time the missing key is shown as it is, so a gap is seen rather than hidden.
    expect(misspelt).toBe('errors.internl');
    expect(text.code).toBe('internal');
  });
});

describe('long dates', () => {
  it('writes a date out the Russian and the English way, on one line, whatever the PC’s zone', () => {
    const zoneBefore = process.env['TZ'];
    process.env['TZ'] = 'America/Los_Angeles';
    try {
      expect(i18n.formatLongDate('2026-11-01')).toBe('1\u00a0ноября\u00a02026\u00a0г.');
      void i18n.choose('en');
      expect(i18n.formatLongDate('2025-09-01')).toBe('1\u00a0September\u00a02025');
      void i18n.choose('ba');
      expect(i18n.formatLongDate('2025-09-01')).toBe('01.09.2025');
    } finally {
      void i18n.choose('ru');
      if (zoneBefore === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zoneBefore;
    }
  });
});

describe('times on screen', () => {
  const zoneBefore = process.env['TZ'];
  afterEach(() => {
    if (zoneBefore === undefined) delete process.env['TZ'];
    else process.env['TZ'] = zoneBefore;
  });

  // 08:50 UTC is 13:50 in Ufa (UTC+5); a PC set to UTC or to Moscow must still show Ufa time.
  for (const zone of ['UTC', 'Europe/Moscow']) {
    it(`shows Ufa time on a PC whose clock is in ${zone}`, () => {
      process.env['TZ'] = zone;
      expect(new Date('2026-12-01T08:50:00Z').getHours()).not.toBe(13);
      expect(i18n.formatTime('2026-12-01T08:50:00Z')).toBe('13:50');
      expect(i18n.formatDateTime('2026-11-30T20:05:00Z')).toBe('01.12.2026 01:05');
      void i18n.choose('en');
      expect(i18n.formatDateTime('2026-11-30T20:05:00Z')).toBe('01/12/2026 01:05');
      void i18n.choose('ru');
    });
  }
});

describe('choosing a language', () => {
  it('switches once the chosen catalog has loaded, and of two quick choices the later wins', async () => {
    // A fresh i18n, with only Russian loaded, as at the start of the page.
    vi.resetModules();
    const { i18n: fresh } = await import('./i18n.svelte');
    const english = fresh.choose('en');
    expect(fresh.language).toBe('ru');
    const russian = fresh.choose('ru');
    await Promise.all([english, russian]);
    expect(fresh.language).toBe('ru');
    expect(fresh.t('common.back')).toBe('Назад');
    await fresh.choose('en');
    expect(fresh.t('common.back')).toBe('Back');
  });
});

describe('months', () => {
  it('names a month in the language chosen now, though its formatter was made for another', () => {
    try {
      expect(i18n.formatPeriod('2026-11')).toBe('ноябрь 2026');
      expect(i18n.formatPeriod('2026-03')).toBe('март 2026');
      void i18n.choose('en');
      expect(i18n.formatPeriod('2026-11')).toBe('November 2026');
      void i18n.choose('ba');
      expect(i18n.formatPeriod('2026-01')).toBe('ғинуар 2026');
      void i18n.choose('ru');
      expect(i18n.formatPeriod('2025-12')).toBe('декабрь 2025');
    } finally {
      void i18n.choose('ru');
    }
  });
});
