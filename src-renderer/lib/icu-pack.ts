// A parsed ICU text as the catalogs' chunks carry it: formatjs's elements with the names taken out
// where they repeat most. A literal is its string, a plain placeholder `[name]`, a plural's `#` is 0,
// and a plural's or select's options hold their elements directly. Packed, the parsed plurals and
// selects of the three catalogs are 600 bytes gzip smaller; the screen unpacks a text the first time
// it formats it. The build packs (scripts/precompiled-messages.ts), the renderer unpacks.
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/** A plural or select with its options' elements packed too. */
interface PackedChoice {
  type: typeof TYPE.plural | typeof TYPE.select;
  value: string;
  options: Record<string, PackedElement[]>;
}
/** A number, date or time element is kept as formatjs has it (its style is rare and varied). */
export type PackedElement = string | [string] | 0 | PackedChoice | MessageFormatElement;

export function packIcu(elements: readonly MessageFormatElement[]): PackedElement[] {
  return elements.map((element): PackedElement => {
    if (element.type === TYPE.literal) return element.value;
    if (element.type === TYPE.argument) return [element.value];
    if (element.type === TYPE.pound) return 0;
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      const options = Object.fromEntries(Object.entries(element.options).map(([name, option]) => [name, packIcu(option.value)]));
      return { ...element, options } as PackedElement;
    }
    return element as PackedElement;
  });
}

export function unpackIcu(packed: readonly PackedElement[]): MessageFormatElement[] {
  return packed.map((element): MessageFormatElement => {
    if (typeof element === 'string') return { type: TYPE.literal, value: element };
    if (element === 0) return { type: TYPE.pound };
    if (Array.isArray(element)) return { type: TYPE.argument, value: element[0] };
    if ('options' in element) {
      const options = Object.fromEntries(
        Object.entries(element.options as Record<string, PackedElement[]>).map(([name, value]) => [name, { value: unpackIcu(value) }]),
      );
      return { ...element, options } as MessageFormatElement;
    }
    return element as MessageFormatElement;
  });
}
