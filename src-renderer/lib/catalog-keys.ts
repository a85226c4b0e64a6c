// A catalog other than the Russian one is built into the renderer as its texts alone, in the order
// of the Russian catalog's keys (scripts/precompiled-messages.ts): its key names, about a quarter of
// it gzipped, are in the start screen's bundle already. Both sides walk the catalogs the same way.

type Node<Text> = { [name: string]: Text | Node<Text> };

/** Every text's dotted key, in the catalog's own order. */
export function catalogKeys<Text>(catalog: Node<Text>, isText: (entry: Text | Node<Text>) => entry is Text): string[] {
  return Object.entries(catalog).flatMap(([name, entry]) =>
    isText(entry) ? [name] : catalogKeys(entry, isText).map((key) => `${name}.${key}`),
  );
}

/** The catalog again from its texts and the keys they were listed by. */
export function catalogFromTexts<Text>(keys: readonly string[], texts: readonly Text[]): Node<Text> {
  if (texts.length !== keys.length) throw new Error(`a catalog of ${texts.length} texts for ${keys.length} keys`);
  const catalog: Node<Text> = {};
  keys.forEach((key, index) => {
    const parts = key.split('.');
    const name = parts.pop() as string;
    let node = catalog;
    for (const part of parts) node = (node[part] ??= {}) as Node<Text>;
    node[name] = texts[index] as Text;
  });
  return catalog;
}
