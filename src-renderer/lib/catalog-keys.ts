// Every catalog is built into the renderer as its texts alone, in the order of the Russian catalog's
// keys (scripts/precompiled-messages.ts), so a text's place is the same in every language. The
// Russian one brings the key names with it once, as a tree: `[["start", "welcome", "login"]]` for
// `start.welcome` and `start.login`. Keyed like the file, it was 1 KB gzip more. Both sides walk the
// catalogs the same way.

type Node<Text> = { [name: string]: Text | Node<Text> };

/** A catalog's key names: a text's name, or a group as its name followed by what it holds. */
export type KeyTree = Array<string | KeyTree>;

/** Every text's dotted key, in the catalog's own order. */
export function catalogKeys<Text>(catalog: Node<Text>, isText: (entry: Text | Node<Text>) => entry is Text): string[] {
  return Object.entries(catalog).flatMap(([name, entry]) =>
    isText(entry) ? [name] : catalogKeys(entry, isText).map((key) => `${name}.${key}`),
  );
}

/** The catalog's key names as a tree, in its order. */
export function keyTree<Text>(catalog: Node<Text>, isText: (entry: Text | Node<Text>) => entry is Text): KeyTree {
  return Object.entries(catalog).map(([name, entry]) => (isText(entry) ? name : [name, ...keyTree(entry, isText)]));
}

/** The dotted keys of a key tree, in its order: the same list as `catalogKeys` of its catalog. */
export function keysOfTree(tree: KeyTree, prefix = ''): string[] {
  return tree.flatMap((entry) =>
    typeof entry === 'string' ? [`${prefix}${entry}`] : keysOfTree(entry.slice(1), `${prefix}${String(entry[0])}.`),
  );
}

/** The text at a dotted key of a catalog as its file has it; undefined where there is none. */
export function textAt<Text>(catalog: Node<Text>, key: string, isText: (entry: Text | Node<Text>) => entry is Text): Text | undefined {
  let node: Text | Node<Text> | undefined = catalog;
  for (const part of key.split('.')) {
    if (node === undefined || isText(node)) return undefined;
    node = node[part];
  }
  return node !== undefined && isText(node) ? node : undefined;
}
