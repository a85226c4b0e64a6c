// Message catalogs (ICU syntax via intl-messageformat) and per-language formatting of money,
// dates and months. Russian is the default and the language every logout returns to.
import { IntlMessageFormat } from 'intl-messageformat';
import type { KioskError } from './kiosk-api';

export type Language = 'ru' | 'ba' | 'en';
export const LANGUAGES: readonly Language[] = ['ru', 'ba', 'en'];

export type Catalog = { [key: string]: string | Catalog };

/**
 * Each feature keeps its texts in `i18n/<language>/<feature>.json`; a file's top-level keys are
 * its namespaces (`readings.title`). Files are merged per language at build time.
 */
const catalogFiles = import.meta.glob<Catalog>('../i18n/*/*.json', { eager: true, import: 'default' });

export function mergeCatalogFiles(files: Record<string, Catalog>): Record<Language, Catalog> {
  const merged: Record<Language, Catalog> = { ru: {}, ba: {}, en: {} };
  for (const [file, catalog] of Object.entries(files)) {
    const language = /\/i18n\/(ru|ba|en)\//.exec(file)?.[1] as Language | undefined;
    if (language) Object.assign(merged[language], catalog);
  }
  return merged;
}

const CATALOGS = mergeCatalogFiles(catalogFiles);

/** Intl locale per language. Bashkir has little CLDR data, so its months come from the catalog. */
const LOCALES: Record<Language, string> = { ru: 'ru-RU', ba: 'ba-RU', en: 'en-GB' };
const BASHKIR_MONTHS = ['ғинуар', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];

export type MessageValues = Record<string, string | number>;

export function lookup(catalog: Catalog, key: string): string | undefined {
  let node: string | Catalog | undefined = catalog;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export { formatMoney } from './format-money';

class I18n {
  language = $state<Language>('ru');
  private readonly formatters = new Map<string, IntlMessageFormat>();

  t(key: string, values?: MessageValues): string {
    const language = this.language;
    const text = lookup(CATALOGS[language], key) ?? lookup(CATALOGS.ru, key) ?? key;
    if (!values && !text.includes('{')) return text;
    const cacheKey = `${language}\u0000${key}`;
    let formatter = this.formatters.get(cacheKey);
    if (!formatter) {
      formatter = new IntlMessageFormat(text, LOCALES[language]);
      this.formatters.set(cacheKey, formatter);
    }
    return String(formatter.format(values));
  }

  has(key: string): boolean {
    return lookup(CATALOGS[this.language], key) !== undefined;
  }

  /** A refusal in the customer's language: the core's text in Russian, else the catalog text for its code. */
  error(error: KioskError): string {
    // The core writes its messages in Russian for exactly this situation (with counts and times),
    // so a Russian-speaking customer gets them verbatim; other languages use the catalog.
    if (this.language === 'ru') return error.message;
    const billingKey = error.billingCode ? `errors.billing.${error.billingCode}` : null;
    if (billingKey && this.has(billingKey)) return this.t(billingKey, error.details);
    if (error.code !== 'billing-refused' && this.has(`errors.${error.code}`)) return this.t(`errors.${error.code}`, error.details);
    return error.message;
  }

  /** `2018-08-31` → `31.08.2018` (ru, ba) or `31/08/2018` (en). */
  formatDate(isoDate: string): string {
    const [year, month, day] = isoDate.split('-');
    if (this.language === 'en') return `${day}/${month}/${year}`;
    return `${day}.${month}.${year}`;
  }

  /** `2026-11` → `ноябрь 2026`, `November 2026`, `ноябрь 2026`. */
  formatPeriod(period: string): string {
    const [year, month] = period.split('-').map(Number) as [number, number];
    if (this.language === 'ba') return `${BASHKIR_MONTHS[month - 1]} ${year}`;
    const name = new Intl.DateTimeFormat(LOCALES[this.language], { month: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(year, month - 1, 1)),
    );
    return `${name} ${year}`;
  }

  /** `14:05` style countdown for lockouts. */
  formatCountdown(seconds: number): string {
    const whole = Math.max(0, Math.ceil(seconds));
    return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
  }
}

export const i18n = new I18n();

export { CATALOGS };
