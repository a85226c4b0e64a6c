// The renderer's build parses the message catalogs' ICU texts ahead of time: the screen receives
// each text with placeholders already parsed, so it never parses one while a customer waits, and
// intl-messageformat's parser (about 7 KB gzip) stays out of the bundle (vite.renderer.config.ts
// puts the formatjs no-parser module in its place). A text without placeholders stays the string
// it is: the screen shows it as written. Russian keeps its keys; Bashkir and English arrive as their
// texts alone in the Russian keys' order (src-renderer/lib/catalog-keys.ts), 11 KB gzip less.
import fs from 'node:fs';
import path from 'node:path';
import { parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Plugin } from 'vite';
import { catalogKeys } from '../src-renderer/lib/catalog-keys';

type Catalog = { [name: string]: string | Catalog };
export type PrecompiledCatalog = { [name: string]: string | MessageFormatElement[] | PrecompiledCatalog };

/** The catalogs' own files; the core and the tests read the same files unparsed. */
const CATALOG_FILE = /[\\/]resources[\\/]messages[\\/][a-z]{2}\.json$/;

/** A text with `{` is ICU syntax (the catalogs use no tags and no quoting): the same parse intl-messageformat makes. */
export function precompileCatalog(catalog: Catalog): PrecompiledCatalog {
  return Object.fromEntries(
    Object.entries(catalog).map(([name, entry]) => [
      name,
      typeof entry === 'string' ? (entry.includes('{') ? parse(entry) : entry) : precompileCatalog(entry),
    ]),
  );
}

const isText = (entry: string | Catalog): entry is string => typeof entry === 'string';

/**
 * Another language's texts in the order of the reference catalog's keys. A catalog with a key more
 * or less fails the build, naming them (the catalog test says the same before).
 */
export function precompileTexts(catalog: Catalog, reference: Catalog): Array<string | MessageFormatElement[]> {
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
  return keys.map((key) => {
    const text = key.split('.').reduce<string | Catalog>((node, part) => (node as Catalog)[part] as string | Catalog, catalog) as string;
    return text.includes('{') ? parse(text) : text;
  });
}

/** Vite's own JSON plugin turns the result into a module, as it does the file itself. */
export function precompiledMessages(): Plugin {
  return {
    name: 'kiosk-precompiled-messages',
    enforce: 'pre',
    transform(code, id) {
      if (!CATALOG_FILE.test(id)) return null;
      const catalog = JSON.parse(code) as Catalog;
      if (path.basename(id) === 'ru.json') return { code: JSON.stringify(precompileCatalog(catalog)), map: null };
      const russian = JSON.parse(fs.readFileSync(path.join(path.dirname(id), 'ru.json'), 'utf8')) as Catalog;
      return { code: JSON.stringify(precompileTexts(catalog, russian)), map: null };
    },
  };
}
