// What voice mode says for the item under the cursor: its role, its name and its state, worded
// from the catalog in the customer's language («Кнопка. Оплатить»; «Поле. Лицевой счёт. Введено:
// 8 2 0 …»). Pure, so the wording is tested without a page; `voice-items.ts` reads these facts
// from the DOM.
import type { MessageKey, MessageValues } from '../../src-main/core/messages/messages';

export type ItemRole = 'button' | 'field' | 'checkbox' | 'radio' | 'heading' | 'link' | 'tab' | 'text';

export interface ItemFacts {
  role: ItemRole;
  /** The accessible name: the label of a field, the text of a button or of a piece of text. */
  name: string;
  disabled?: boolean;
  /** A toggle button's aria-pressed, a check box's checked, an option's or tab's selection. */
  on?: boolean;
  /** A field's value as shown (a secret field's is never read, only counted). */
  value?: string;
  /** Password, PIN and one-time codes: the value is only counted. */
  secret?: boolean;
  /** The field's error shown under it. */
  error?: string;
}

export type Translate = (key: MessageKey, values?: MessageValues) => string;

const ROLE_WORDS: Record<Exclude<ItemRole, 'text'>, MessageKey> = {
  button: 'voiceMode.role.button',
  field: 'voiceMode.role.field',
  checkbox: 'voiceMode.role.checkbox',
  radio: 'voiceMode.role.radio',
  heading: 'voiceMode.role.heading',
  link: 'voiceMode.role.link',
  tab: 'voiceMode.role.tab',
};

/**
 * How a typed value is read out: digits one by one (an account number is «8 2 0 …», never «eight
 * hundred twenty million…»), anything else as written.
 */
export function spelledValue(value: string): string {
  const compact = value.replace(/\s+/g, '');
  if (/^[\d-]+$/.test(compact)) return [...compact.replace(/-/g, '')].join(' ');
  return value;
}

function stateWords(item: ItemFacts, t: Translate): string[] {
  const words: string[] = [];
  switch (item.role) {
    case 'field': {
      const value = item.value ?? '';
      if (value === '') words.push(t('voiceMode.state.empty'));
      else if (item.secret) words.push(t('voiceMode.state.secretEntered', { count: [...value].length }));
      else words.push(t('voiceMode.state.entered', { value: spelledValue(value) }));
      break;
    }
    case 'checkbox':
      words.push(t(item.on ? 'voiceMode.state.checked' : 'voiceMode.state.unchecked'));
      break;
    case 'radio':
    case 'tab':
      words.push(t(item.on ? 'voiceMode.state.selected' : 'voiceMode.state.notSelected'));
      break;
    case 'button':
      if (item.on) words.push(t('voiceMode.state.pressed'));
      break;
    default:
      break;
  }
  if (item.disabled) words.push(t('voiceMode.state.unavailable'));
  if (item.error) words.push(t('voiceMode.state.invalid', { text: item.error }));
  return words;
}

/** One utterance for an item: «Роль. Имя. Состояние.»; a piece of text is read as it is. */
export function announcement(item: ItemFacts, t: Translate): string {
  if (item.role === 'text') return item.name;
  const parts = [t(ROLE_WORDS[item.role]), item.name, ...stateWords(item, t)].filter((part) => part !== '');
  // Each part one sentence; a name that ends in its own mark («Здравствуйте, …!») keeps it.
  return parts
    .map((part) => part.replace(/[.\s]+$/, ''))
    .map((part) => (/[!?…]$/.test(part) ? part : `${part}.`))
    .join(' ');
}

/** Characters a speech engine passes over in silence, named instead when the caret stands before them. */
const NAMED_CHARACTERS: Record<string, string> = { ' ': 'space', '.': 'dot', ',': 'comma', '-': 'hyphen', '@': 'at', _: 'underscore' };

/**
 * Where the caret stands after ◄ or ►: before which character, or at the end of the text. A secret
 * is never read, so there only the characters on either side of the caret are counted.
 */
export function caretAnnouncement(value: string, caret: number, secret: boolean, t: Translate): string {
  const before = [...value.slice(0, caret)].length;
  const after = [...value.slice(caret)];
  if (secret) return t('voiceMode.caret.secret', { before, after: after.length });
  const next = after[0];
  if (next === undefined) return t('voiceMode.caret.atEnd');
  return t('voiceMode.caret.before', { character: NAMED_CHARACTERS[next] ?? 'other', text: next });
}
