// For tests of the core's refusals: a message as a Russian-speaking customer reads it, so that a
// test can check the wording the catalog gives a key and its values.
import { IntlMessageFormat } from 'intl-messageformat';
import russianCatalog from '../../../resources/messages/ru.json';
import type { Message } from './messages';

export function russianText(message: Message | null | undefined): string {
  if (!message) return '';
  const text = message.key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], russianCatalog);
  if (typeof text !== 'string') throw new Error(`no Russian text for ${message.key}`);
  return String(new IntlMessageFormat(text, 'ru').format(message.values));
}
