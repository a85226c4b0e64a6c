// A parsed text of words and plain placeholders (`Звоните {phone}`) is filled in here, as
// intl-messageformat would fill it, without making an IntlMessageFormat: the first one asks ICU
// which locales it has, about 30 ms of the start screen's first paint (over 100 ms under ×4), and
// the start screen's texts need nothing of ICU. Plurals, selects, numbers and dates still go to
// intl-messageformat.
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { MessageValues } from '../../src-main/core/messages/messages';

/** The filled-in text, or undefined when it needs intl-messageformat (or a value is missing: its error then). */
export function fillPlainMessage(text: readonly MessageFormatElement[], values: MessageValues | undefined): string | undefined {
  let filled = '';
  for (const element of text) {
    if (element.type === TYPE.literal) filled += element.value;
    else if (element.type === TYPE.argument && values && element.value in values) filled += String(values[element.value]);
    else return undefined;
  }
  return filled;
}
