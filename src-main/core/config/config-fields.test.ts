// The field declarations are the single source: these tests fail when the schema, the environment
// overrides, the staff screen's catalogs or the README table say something else.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_DOCS, type FieldDocs } from './config-docs';
import { CONFIG_FIELDS, STAFF_SETTINGS, type ConfigField, type ConfigFieldPath } from './config-fields';
import { CONFIG_TABLE_HEADER, configTableMarkdown, configTableRows } from './config-table';
import { ENV_OVERRIDES, kioskConfigSchema, loadKioskConfig, parseKioskConfig } from './kiosk-config';

const root = path.resolve(import.meta.dirname, '../../..');
const fields = Object.entries(CONFIG_FIELDS as Record<string, ConfigField>);

function withValue(dotted: string, value: unknown): Record<string, unknown> {
  const keys = dotted.split('.');
  const out: Record<string, unknown> = {};
  let node = out;
  for (const key of keys.slice(0, -1)) node = node[key] = {} as Record<string, unknown>;
  node[keys.at(-1) as string] = value;
  return out;
}
function valueAt(config: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], config);
}
const accepts = (dotted: string, value: unknown) => kioskConfigSchema.safeParse(withValue(dotted, value)).success;

/** Dotted paths of every leaf of the parsed defaults (arrays are leaves). */
function leafPaths(node: unknown, prefix = ''): string[] {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return [prefix];
  return Object.entries(node).flatMap(([key, value]) => leafPaths(value, prefix ? `${prefix}.${key}` : key));
}

/** The README's configuration table: the rows after its header, cells trimmed. */
function readmeTable(): string[][] {
  const lines = fs.readFileSync(path.join(root, 'README.md'), 'utf8').split('\n');
  const header = `| ${CONFIG_TABLE_HEADER.join(' | ')} |`.replace(/\s+/g, ' ');
  const start = lines.findIndex((line) => line.replace(/\s+/g, ' ').startsWith(header));
  expect(start, 'the configuration table header in README.md').toBeGreaterThan(-1);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

describe('configuration fields', () => {
  it('declare every field of the schema, and only those', () => {
    expect(leafPaths(parseKioskConfig({})).sort()).toEqual(Object.keys(CONFIG_FIELDS).sort());
  });

  it('give the schema its defaults, ranges and choices', () => {
    const defaults = parseKioskConfig({});
    for (const [dotted, field] of fields) {
      expect(valueAt(defaults, dotted), dotted).toEqual(field.default);
      if (field.kind === 'int') {
        expect(
          [field.min, field.max].map((value) => accepts(dotted, value)),
          dotted,
        ).toEqual([true, true]);
        expect(
          [field.min - 1, field.max + 1, field.min + 0.5].map((value) => accepts(dotted, value)),
          dotted,
        ).toEqual([false, false, false]);
      }
      if (field.kind === 'choice') {
        for (const choice of field.choices) expect(accepts(dotted, choice), `${dotted} ${choice}`).toBe(true);
        expect(accepts(dotted, typeof field.default === 'number' ? 60 : 'other'), dotted).toBe(false);
      }
      if (field.kind === 'text' && !field.format) {
        expect(accepts(dotted, 'я'.repeat(field.maxLength)), dotted).toBe(true);
        expect(accepts(dotted, 'я'.repeat(field.maxLength + 1)), dotted).toBe(false);
      }
      if (field.kind === 'list') expect(accepts(dotted, ['xx']), dotted).toBe(false);
    }
  });

  it('name the environment variable that overrides each field, read as the field needs', () => {
    const envOf = (dotted: string) => (CONFIG_DOCS[dotted as ConfigFieldPath] as FieldDocs).env;
    expect(ENV_OVERRIDES.map(({ variable }) => variable)).toEqual(fields.flatMap(([dotted]) => envOf(dotted)?.name ?? []));
    for (const [dotted, field] of fields) {
      const env = envOf(dotted);
      if (!env) continue;
      const sample =
        field.kind === 'int'
          ? [String(field.max), field.max]
          : field.kind === 'choice'
            ? [String(field.choices.at(-1)), field.choices.at(-1)]
            : field.kind === 'list'
              ? ['en, ru', ['en', 'ru']]
              : field.kind === 'nullable-text'
                ? ['null', null]
                : ['UFA-ENV-01', 'UFA-ENV-01'];
      const config = loadKioskConfig({ file: undefined, env: { [env.name]: sample[0] as string } });
      expect(valueAt(config, dotted), env.name).toEqual(sample[1]);
    }
  });

  it('label every staff setting in Russian, Bashkir and English, with range placeholders where there is a range', () => {
    expect(STAFF_SETTINGS.map(({ name }) => name)).toEqual([
      'officeName',
      'billingUrl',
      'billingTimeoutMs',
      'printerInterface',
      'printerCommandSet',
      'printerWidthMm',
      'printerCodePage',
      'printerTimeoutMs',
      'idleTimeoutSeconds',
    ]);
    for (const language of ['ru', 'ba', 'en']) {
      const catalog = JSON.parse(fs.readFileSync(path.join(root, 'resources/messages', `${language}.json`), 'utf8')) as Record<
        string,
        unknown
      >;
      const text = (key: string) =>
        key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog);
      for (const { name, field } of STAFF_SETTINGS) {
        expect(text(field.staff.label), `${language} ${field.staff.label}`).toMatch(/\S/);
        if (field.kind === 'int') {
          for (const key of [`staff.settings.hints.${name}`, `staff.settings.errors.${name}`]) {
            expect(text(key), `${language} ${key}`).toMatch(/\{min\}.*\{max\}/);
          }
        }
      }
    }
  });

  it('match the configuration table in README.md: every field, env name, default and range', () => {
    // On a difference, replace the README table with `configTableMarkdown()`'s output.
    expect(readmeTable(), configTableMarkdown()).toEqual(configTableRows());
  });
});
