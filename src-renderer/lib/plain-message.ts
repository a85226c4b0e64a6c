// A text of words and plain placeholders (`Звоните {phone}`) is filled in here, as intl-messageformat
// would fill it, without making an IntlMessageFormat: the first one asks ICU which locales it has,
// about 30 ms of the start screen's first paint (over 100 ms under ×4), and the start screen's texts
// need nothing of ICU. The build keeps such a text as the catalog writes it, less than half the
// length of its parse (scripts/precompiled-messages.ts). Plurals, selects, numbers and dates go to
// intl-messageformat.
import type { MessageValues } from '../../src-main/core/messages/messages';

/**
 * Words and `{name}` placeholders only. What ICU would read otherwise stays out: an apostrophe that
 * quotes (before a brace, another apostrophe, `#` or `|`), and `<`, `>` that formatjs reads as tags.
 */
const PLAIN_SOURCE = /^(?:[^{}'<>]|'(?![{}'#|<>])|\{\w+\})*$/;
const PLACEHOLDER = /\{(\w+)\}/g;

/** Whether intl-messageformat would read this text as words and plain placeholders. */
export function isPlainSource(text: string): boolean {
  return PLAIN_SOURCE.test(text);
}

/** The text filled in; a value missing is the same error as intl-messageformat's. */
export function fillPlainSource(text: string, values: MessageValues | undefined): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    if (!values || !(name in values))
      throw new Error(`The intl string context variable "${name}" was not provided to the string "${text}"`);
    return String(values[name]);
  });
}
