import { afterEach, describe, expect, it } from 'vitest';
import { message } from '../../src-main/core/messages/messages';
import { i18n, type Language } from './i18n.svelte';
import type { KioskError } from './kiosk-api';

afterEach(() => {
  i18n.language = 'ru';
});

/** The same refusal read in each language. */
function inEvery(error: KioskError): Record<Language, string> {
  const texts = {} as Record<Language, string>;
  for (const language of ['ru', 'ba', 'en'] as const) {
    i18n.language = language;
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

  it('counts the wait of a lockout in each language’s plurals', () => {
    const locked = (minutes: number, seconds: number): KioskError => ({
      code: 'locked-out',
      retryAfterSeconds: minutes * 60 + seconds,
      message: message('staff.errors.locked-out', { minutes, seconds }),
    });
    expect(inEvery(locked(15, 0))).toEqual({
      ru: 'Вход сотрудника временно заблокирован после неудачных попыток. Повторите через 15 минут.',
      ba: 'Уңышһыҙ тырышлыҡтарҙан һуң хеҙмәткәрҙең инеүе ваҡытлыса ябылды. 15 минуттан һуң ҡабатлағыҙ.',
      en: 'Staff sign-in is temporarily blocked after failed attempts. Please try again in 15 minutes.',
    });
    i18n.language = 'ru';
    expect(i18n.error(locked(1, 0))).toMatch(/через 1 минуту\.$/);
    expect(i18n.error(locked(0, 22))).toMatch(/через 22 секунды\.$/);
    i18n.language = 'en';
    expect(i18n.error(locked(1, 0))).toMatch(/in 1 minute\.$/);
    expect(i18n.error(locked(0, 1))).toMatch(/in 1 second\.$/);
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
    i18n.language = 'en';
    expect(i18n.message({ key: 'errors.account.digits' })).toBe('The account number has 9 digits');
    i18n.language = 'ba';
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
      i18n.language = 'en';
      expect(i18n.formatLongDate('2025-09-01')).toBe('1\u00a0September\u00a02025');
      i18n.language = 'ba';
      expect(i18n.formatLongDate('2025-09-01')).toBe('01.09.2025');
    } finally {
      i18n.language = 'ru';
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
      i18n.language = 'en';
      expect(i18n.formatDateTime('2026-11-30T20:05:00Z')).toBe('01/12/2026 01:05');
      i18n.language = 'ru';
    });
  }
});
