// The renderer's build parses the message catalogs' ICU texts ahead of time: the screen receives
// each plural, select, number or date already parsed (and packed: src-renderer/lib/icu-pack.ts),
// so it never parses one while a customer waits, and intl-messageformat's parser (about 7 KB gzip)
// stays out of the bundle (vite.renderer.config.ts puts the formatjs no-parser module in its
// place). A text without placeholders stays the string it is, and so does one of words and plain
// placeholders, which the screen fills in itself (src-renderer/lib/plain-message.ts): 2 KB gzip
// less than their parse. Every language arrives as its texts alone in the Russian keys' order, the
// Russian one with its key names once as a tree (src-renderer/lib/catalog-keys.ts).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from '@formatjs/icu-messageformat-parser';
import type { Plugin } from 'vite';
import { catalogKeys, keyTree, textAt, type KeyTree } from '../src-renderer/lib/catalog-keys';
import { packIcu, type PackedElement } from '../src-renderer/lib/icu-pack';
import { isPlainSource } from '../src-renderer/lib/plain-message';

type Catalog = { [name: string]: string | Catalog };
type PrecompiledText = string | PackedElement[];
/** The Russian catalog as the renderer receives it: its key names once, and its texts in their order. */
export interface PrecompiledRussian {
  keys: KeyTree;
  texts: PrecompiledText[];
}

/** The catalogs' own files; the core and the tests read the same files unparsed. */
const CATALOG_FILE = /[\\/]resources[\\/]messages[\\/][a-z]{2}\.json$/;

/** A text with `{` that is more than plain placeholders, parsed as intl-messageformat parses it. */
function precompileText(text: string): PrecompiledText {
  return !text.includes('{') || isPlainSource(text) ? text : packIcu(parse(text));
}

const isText = (entry: string | Catalog): entry is string => typeof entry === 'string';

/**
 * A catalog's texts in the order of the reference (Russian) catalog's keys. A catalog with a key
 * more or less fails the build, naming them (the catalog test says the same before).
 */
export function precompileTexts(catalog: Catalog, reference: Catalog): PrecompiledText[] {
  const keys = catalogKeys(reference, isText);
  const own = catalogKeys(catalog, isText);
  const [keySet, ownSet] = [new Set(keys), new Set(own)];
  const missing = keys.filter((key) => !ownSet.has(key));
  const extra = own.filter((key) => !keySet.has(key));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(
      `the catalog's keys differ from the Russian one's: missing ${missing.join(', ') || 'none'}; extra ${extra.join(', ') || 'none'}`,
    );
  }
  return keys.map((key) => precompileText(textAt(catalog, key, isText) as string));
}

export function precompileRussian(catalog: Catalog): PrecompiledRussian {
  return { keys: keyTree(catalog, isText), texts: precompileTexts(catalog, catalog) };
}

/** Vite's own JSON plugin turns the result into a module, as it does the file itself. */
export function precompiledMessages(): Plugin {
  return {
    name: 'kiosk-precompiled-messages',
    enforce: 'pre',
    transform(code, id) {
      if (!CATALOG_FILE.test(id)) return null;
      const catalog = JSON.parse(code) as Catalog;
      if (path.basename(id) === 'ru.json') return { code: JSON.stringify(precompileRussian(catalog)), map: null };
      const russianFile = path.join(path.dirname(id), 'ru.json');
      // Built in the Russian keys' order: rebuilt when they change.
      this.addWatchFile(russianFile);
      const russian = JSON.parse(fs.readFileSync(russianFile, 'utf8')) as Catalog;
      return { code: JSON.stringify(precompileTexts(catalog, russian)), map: null };
    },
  };
}

/** `i18n.t('home.title'` in a compiled renderer module: the call with its key written out. */
const LITERAL_KEY_CALL = /\bi18n\.t\((['"])([\w.]+)\1/g;

/**
 * Writes a literal key of `i18n.t` as its place among the texts (`i18n.t(137`), which `I18n.t`
 * takes as well as the key: 600 calls lose the key's name, 1.4 KB gzip of the renderer. A key built
 * from data, a key passed around as a value and a refusal's key from the core stay names, looked up
 * in the Russian key tree. A name the catalog does not have stays as written (and shows as itself).
 */
export function literalKeyPlaces(russianFile: string): Plugin {
  /** The places, and the Russian file's time they were read at: a dev server sees the file change. */
  let places: { readAt: number; byKey: Map<string, number> } | undefined;
  return {
    name: 'kiosk-literal-key-places',
    enforce: 'post',
    transform(code, id) {
      if (id.includes('node_modules') || !/\.(svelte|ts)$/.test(id.split('?')[0] ?? '') || !code.includes('i18n.t(')) return null;
      // A key added to the Russian file moves the places after it: the module is built again then.
      this.addWatchFile(russianFile);
      const readAt = fs.statSync(russianFile).mtimeMs;
      if (places?.readAt !== readAt) {
        const keys = catalogKeys(JSON.parse(fs.readFileSync(russianFile, 'utf8')) as Catalog, isText);
        places = { readAt, byKey: new Map(keys.map((key, place) => [key, place])) };
      }
      const known = places.byKey;
      return {
        code: code.replace(LITERAL_KEY_CALL, (call, _quote, key: string) => (known.has(key) ? `i18n.t(${known.get(key)}` : call)),
        map: null,
      };
    },
  };
}
