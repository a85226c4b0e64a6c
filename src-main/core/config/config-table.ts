// The README's configuration table as the field declarations describe it; a test compares the two.
import { CONFIG_DOCS, type FieldDocs } from './config-docs';
import { CONFIG_FIELDS, type ConfigField, type ConfigFieldPath } from './config-fields';

export const CONFIG_TABLE_HEADER = ['field', 'env override', 'default', 'allowed', 'what it is'] as const;

const code = (text: string | number) => `\`${text}\``;

function envCell(field: ConfigField, { env }: FieldDocs): string {
  if (!env) return '—';
  const notes = [...(field.kind === 'nullable-text' ? ['`null` or `training` = null'] : []), ...(env.note ? [env.note] : [])];
  return notes.length > 0 ? `${code(env.name)} (${notes.join('; ')})` : code(env.name);
}

function defaultCell(field: ConfigField): string {
  switch (field.kind) {
    case 'nullable-text':
      return `${code('null')}: ${field.nullMeans}`;
    case 'list':
      return code(field.default.join(','));
    case 'staff-list':
      return 'none';
    default:
      return code(field.default);
  }
}

function allowedCell(field: ConfigField): string {
  switch (field.kind) {
    case 'int':
      return `${field.min} to ${field.max}`;
    case 'choice':
      return field.choices.map(code).join(' or ');
    case 'text':
      return field.format ?? `${field.minLength} to ${field.maxLength} characters`;
    case 'nullable-text':
      return `${field.format} (at most ${field.maxLength} characters)`;
    case 'list':
      return `at least ${field.minItems} of ${field.choices.map(code).join(', ')}`;
    case 'staff-list':
      return field.format;
  }
}

/** One row per declared field, cells as the README writes them (without the padding). */
export function configTableRows(): string[][] {
  return (Object.entries(CONFIG_FIELDS) as Array<[ConfigFieldPath, ConfigField]>).map(([path, field]) => {
    const docs: FieldDocs = CONFIG_DOCS[path];
    return [code(path), envCell(field, docs), defaultCell(field), allowedCell(field), docs.doc];
  });
}

/** The table as Markdown, aligned like Prettier aligns it. */
export function configTableMarkdown(): string {
  const rows = [[...CONFIG_TABLE_HEADER], ...configTableRows()];
  const widths = CONFIG_TABLE_HEADER.map((_, column) => Math.max(3, ...rows.map((row) => [...(row[column] ?? '')].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const [header, ...body] = rows;
  return [line(header ?? []), `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`, ...body.map(line)].join('\n');
}
