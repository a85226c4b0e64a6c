// Every text a customer or staff member reads is a key into the ICU catalogs of
// resources/messages/<language>.json; the core refuses with a key and its values, and the screen
// says it in the customer's language. Node-free: the renderer imports it too.
import type russianCatalog from '../../../resources/messages/ru.json';

/** The dotted paths of a catalog's leaf strings: `{ errors: { internal: '…' } }` → `'errors.internal'`. */
type LeafPaths<Node> = {
  [Name in keyof Node & string]: Node[Name] extends string ? Name : `${Name}.${LeafPaths<Node[Name]>}`;
}[keyof Node & string];

/** A key of the catalogs. The Russian catalog is the reference; the others have the same keys. */
export type MessageKey = LeafPaths<typeof russianCatalog>;

/** The values an ICU message's arguments take (counts, numbers, dates already written out). */
export type MessageValues = Record<string, string | number>;

export interface Message {
  key: MessageKey;
  values?: MessageValues;
}

export function message(key: MessageKey, values?: MessageValues): Message {
  return values ? { key, values } : { key };
}
