// The Russian catalog as data, for the core's run-time check that a text it was handed (a zod
// schema's message) is one of the catalog's keys. The type check covers keys written in code.
import russianCatalog from '../../../resources/messages/ru.json';
import type { MessageKey } from './messages';

type Catalog = { [name: string]: string | Catalog };

function leafPaths(node: Catalog, prefix = ''): string[] {
  return Object.entries(node).flatMap(([name, value]) =>
    typeof value === 'string' ? [`${prefix}${name}`] : leafPaths(value, `${prefix}${name}.`),
  );
}

const KEYS: ReadonlySet<string> = new Set(leafPaths(russianCatalog));

export function isMessageKey(text: string): text is MessageKey {
  return KEYS.has(text);
}
