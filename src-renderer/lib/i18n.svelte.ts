// The message catalogs (resources/messages/<language>.json, ICU syntax via intl-messageformat) and
// per-language formatting of money, dates and months. Russian is the default and the language every
// logout returns to. The core refuses with a catalog key, so its refusals read like any other text.
import { IntlMessageFormat } from 'intl-messageformat';
import russianCatalogFile from '../../resources/messages/ru.json';
import type { Message, MessageKey, MessageValues } from '../../src-main/core/messages/messages';
import { catalogKeys, keysOfTree, textAt, type KeyTree } from './catalog-keys';
import { unpackIcu, type PackedElement } from './icu-pack';
import { dateFormat, ufaDateTime } from './date-formats';
import { fillPlainSource, isPlainSource } from './plain-message';
import type { KioskError } from './kiosk-api';

export type Language = 'ru' | 'ba' | 'en';
export const LANGUAGES: readonly Language[] = ['ru', 'ba', 'en'];
/** Each language's own name, for the switch in the header. */
export const LANGUAGE_NAMES: Record<Language, MessageKey> = { ru: 'language.ru', ba: 'language.ba', en: 'language.en' };

/**
 * A text is its string: words, or words and plain placeholders. With a plural, a select, a number
 * or a date it is its ICU form, parsed and packed when the renderer was built
 * (scripts/precompiled-messages.ts); under the unit tests, which read the files as they are, a string too.
 */
type Text = string | PackedElement[];
/** A language's texts, in the Russian keys' order. */
type Texts = readonly Text[];
type Catalog = { [name: string]: Text | Catalog };
const isText = (entry: Text | Catalog): entry is Text => typeof entry === 'string' || Array.isArray(entry);

/**
 * The Russian keys and texts: in the build, as its chunk brings them (scripts/precompiled-messages.ts);
 * under the unit tests, which read the files as they are, from the keyed catalog.
 */
function russianCatalog(file: unknown): { keys: string[]; texts: Texts } {
  // Arrays: a catalog's own groups are objects, whatever they are called.
  const built = file as { keys?: unknown; texts?: unknown };
  if (Array.isArray(built.keys) && Array.isArray(built.texts))
    return { keys: keysOfTree(built.keys as KeyTree), texts: built.texts as Text[] };
  const keys = catalogKeys(file as Catalog, isText);
  return { keys, texts: textsInOrder(file as Catalog, keys) };
}

/** A keyed catalog's texts in the order of these keys. */
function textsInOrder(catalog: Catalog, keys: readonly string[]): Texts {
  return keys.map((key) => textAt(catalog, key, isText) as Text);
}

const russian = russianCatalog(russianCatalogFile);
/** A key's place among every language's texts. */
const placeOf = new Map(russian.keys.map((key, place) => [key, place]));

/** Another language's texts: in the build its chunk is them; under the unit tests, its keyed catalog. */
function loadedTexts(loaded: unknown): Texts {
  return Array.isArray(loaded) ? (loaded as Texts) : textsInOrder(loaded as Catalog, russian.keys);
}

/**
 * Russian is in the start screen's bundle; Bashkir and English (about 30 KB gzip together) are
 * their own chunks, loaded when a customer chooses them.
 */
const CATALOG_LOADERS: Record<Exclude<Language, 'ru'>, () => Promise<Texts>> = {
  ba: () => import('../../resources/messages/ba.json').then((module) => loadedTexts(module.default)),
  en: () => import('../../resources/messages/en.json').then((module) => loadedTexts(module.default)),
};

/** Intl locale per language. Bashkir has little CLDR data, so its months come from the catalog. */
const LOCALES: Record<Language, string> = { ru: 'ru-RU', ba: 'ba-RU', en: 'en-GB' };
const BASHKIR_MONTHS = ['ғинуар', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];

export { formatMoney } from './format-money';

class I18n {
  #language = $state<Language>('ru');
  #catalogs = $state.raw<Partial<Record<Language, Texts>>>({ ru: russian.texts });
  /** The language asked for last: of two quick choices, the later wins even if its catalog comes first. */
  #wanted: Language = 'ru';
  private readonly formatters = new Map<string, IntlMessageFormat>();

  get language(): Language {
    return this.#language;
  }

  /**
   * Switches the language once its catalog is here: at once for one loaded before (Russian always),
   * after its chunk has loaded otherwise. A chunk that fails to load leaves the language as it was.
   */
  choose(language: Language): Promise<void> {
    this.#wanted = language;
    if (this.#catalogs[language]) {
      this.#language = language;
      return Promise.resolve();
    }
    return CATALOG_LOADERS[language as Exclude<Language, 'ru'>]().then((catalog) => {
      this.#catalogs = { ...this.#catalogs, [language]: catalog };
      if (this.#wanted === language) this.#language = language;
    });
  }

  t(key: MessageKey, values?: MessageValues): string {
    const language = this.#language;
    // The catalog test keeps the languages in step; Russian is the reference the others follow.
    // The build writes a literal key as its place already (scripts/precompiled-messages.ts).
    const place = typeof key === 'number' ? key : placeOf.get(key);
    const text = place === undefined ? key : ((this.#catalogs[language] ?? russian.texts)[place] ?? (russian.texts[place] as Text));
    if (typeof text === 'string') {
      // A text without placeholders is shown as written, whatever values come with it.
      if (!text.includes('{')) return text;
      if (isPlainSource(text)) return fillPlainSource(text, values);
    }
    const cacheKey = `${language}\u0000${key}`;
    let formatter = this.formatters.get(cacheKey);
    if (!formatter) {
      formatter = new IntlMessageFormat(typeof text === 'string' ? text : unpackIcu(text), LOCALES[language]);
      this.formatters.set(cacheKey, formatter);
    }
    return String(formatter.format(values));
  }

  /** Whether the catalogs have a text of this name: for a name built from data, such as a method's. */
  has(key: string): key is MessageKey {
    return placeOf.has(key);
  }

  /** A message of the core (a refusal, a printer problem, a confirmation) in the customer's language. */
  message(message: Message): string {
    return this.t(message.key, message.values);
  }

  /** A refusal in the customer's language. */
  error(error: KioskError): string {
    return this.message(error.message);
  }

  /** `2018-08-31` → `31.08.2018` (ru, ba) or `31/08/2018` (en). */
  formatDate(isoDate: string): string {
    const [year, month, day] = isoDate.split('-');
    if (this.language === 'en') return `${day}/${month}/${year}`;
    return `${day}.${month}.${year}`;
  }

  /**
   * `2026-11-01` → `1 ноября 2026 г.` (ru), `1 November 2026` (en), the way a document's date is
   * written out; Bashkir, which has little CLDR data, keeps `01.11.2026`. One line, never broken.
   */
  formatLongDate(isoDate: string): string {
    if (this.language === 'ba') return this.formatDate(isoDate);
    const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
    const written = dateFormat(LOCALES[this.language], 'long-date').format(new Date(Date.UTC(year, month - 1, day)));
    return written.replace(/\s/g, '\u00a0');
  }

  /**
   * An instant as the time of day in Ufa (`13:50`), whatever zone the PC's clock is set to: every
   * time the kiosk shows is Ufa time, as on its receipts.
   */
  formatTime(iso: string): string {
    return ufaDateTime(iso).time;
  }

  /** An instant as date and time in Ufa: `31.08.2026 14:05` (ru, ba), `31/08/2026 14:05` (en). */
  formatDateTime(iso: string): string {
    const { date, time } = ufaDateTime(iso);
    return `${this.formatDate(date)} ${time}`;
  }

  /** `2026-11` → `ноябрь 2026`, `November 2026`, `ноябрь 2026`. */
  formatPeriod(period: string): string {
    const [year, month] = period.split('-').map(Number) as [number, number];
    if (this.language === 'ba') return `${BASHKIR_MONTHS[month - 1]} ${year}`;
    const name = dateFormat(LOCALES[this.language], 'month').format(new Date(Date.UTC(year, month - 1, 1)));
    return `${name} ${year}`;
  }

  /**
   * The time left of a lockout or a pause, worded as a duration and never as a clock: «14 мин 45 с»,
   * «15 мин», «45 с» (ru, ba), «14 min 45 s» (en). `14:45` would read as a time of day, on screen
   * and in voice mode alike. The spaces are non-breaking, so it never wraps apart.
   */
  formatCountdown(seconds: number): string {
    const whole = Math.max(0, Math.ceil(seconds));
    const minutes = Math.floor(whole / 60);
    const rest = whole % 60;
    if (minutes === 0) return this.t('countdown.seconds', { seconds: rest });
    if (rest === 0) return this.t('countdown.minutes', { minutes });
    return this.t('countdown.minutesSeconds', { minutes, seconds: rest });
  }
}

export const i18n = new I18n();
