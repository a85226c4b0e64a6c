// The renderer's build parses the message catalogs' ICU texts ahead of time: the screen receives
// each text with placeholders already parsed, so it never parses one while a customer waits, and
// intl-messageformat's parser (about 7 KB gzip) stays out of the bundle (vite.renderer.config.ts
// puts the formatjs no-parser module in its place). A text without placeholders stays the string
// it is: the screen shows it as written.
import { parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Plugin } from 'vite';

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

/** Vite's own JSON plugin turns the result into a module, as it does the file itself. */
export function precompiledMessages(): Plugin {
  return {
    name: 'kiosk-precompiled-messages',
    enforce: 'pre',
    transform(code, id) {
      if (!CATALOG_FILE.test(id)) return null;
      return { code: JSON.stringify(precompileCatalog(JSON.parse(code) as Catalog)), map: null };
    },
  };
}
