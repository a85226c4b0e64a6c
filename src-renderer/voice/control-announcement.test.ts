import { describe, expect, it } from 'vitest';
import { i18n } from '../lib/i18n.svelte';
import { announcement, caretAnnouncement, spelledValue, type ItemFacts } from './control-announcement';
import { withEveryCatalog } from '../lib/i18n-test-kit';

const say = (item: ItemFacts) => announcement(item, (key, values) => i18n.t(key, values));

withEveryCatalog();

describe('the announcement of an item from its role, name and state', () => {
  it('names a button, and says when it is on or unavailable', () => {
    expect(say({ role: 'button', name: 'Оплатить' })).toBe('Кнопка. Оплатить.');
    expect(say({ role: 'button', name: 'Крупный текст', on: true })).toBe('Кнопка. Крупный текст. Включено.');
    expect(say({ role: 'button', name: 'Войти', disabled: true })).toBe('Кнопка. Войти. Недоступна.');
  });

  it('reads a field with what was typed, digits one by one', () => {
    expect(say({ role: 'field', name: 'Лицевой счёт', value: '820' })).toBe('Поле. Лицевой счёт. Введено: 8 2 0.');
    expect(say({ role: 'field', name: 'Лицевой счёт', value: '' })).toBe('Поле. Лицевой счёт. Пусто.');
    expect(say({ role: 'field', name: 'Электронная почта', value: 'ivanova@example.ru' })).toBe(
      'Поле. Электронная почта. Введено: ivanova@example.ru.',
    );
  });

  it('never reads a secret back, only counts it', () => {
    const spoken = say({ role: 'field', name: 'Пароль', value: 'demo1234', secret: true });
    expect(spoken).toBe('Поле. Пароль. Введено символов: 8.');
    expect(spoken).not.toContain('demo');
    expect(spoken).not.toMatch(/1 2 3 4/);
  });

  it('says a field is wrong, with the error shown under it', () => {
    expect(say({ role: 'field', name: 'Показание', value: '41', error: 'Показание меньше предыдущего' })).toBe(
      'Поле. Показание. Введено: 4 1. Ошибка: Показание меньше предыдущего.',
    );
  });

  it('says whether check boxes, options and tabs are chosen', () => {
    expect(say({ role: 'checkbox', name: 'Согласен', on: false })).toBe('Флажок. Согласен. Не отмечено.');
    expect(say({ role: 'radio', name: 'По SMS', on: true })).toBe('Переключатель. По SMS. Выбрано.');
    expect(say({ role: 'tab', name: 'Журнал', on: false })).toBe('Вкладка. Журнал. Не выбрано.');
  });

  it('reads text as it is, and keeps a name’s own closing mark', () => {
    expect(say({ role: 'text', name: '14 273,88 ₽' })).toBe('14 273,88 ₽');
    expect(say({ role: 'heading', name: 'Здравствуйте, Петров Сергей Николаевич!' })).toBe(
      'Заголовок. Здравствуйте, Петров Сергей Николаевич!',
    );
  });

  it('speaks in the customer’s language', () => {
    void i18n.choose('en');
    expect(say({ role: 'field', name: 'Account number', value: '8200', disabled: false })).toBe('Field. Account number. Entered: 8 2 0 0.');
    void i18n.choose('ba');
    expect(say({ role: 'button', name: 'Түләргә' })).toBe('Төймә. Түләргә.');
    expect(say({ role: 'field', name: 'Пароль', value: 'abc', secret: true })).toBe('Ҡыр. Пароль. Индерелгән символдар: 3.');
  });
});

describe('spelled values', () => {
  it('spells digit strings and codes with dashes digit by digit, and leaves words alone', () => {
    expect(spelledValue('820000001')).toBe('8 2 0 0 0 0 0 0 1');
    expect(spelledValue('4821-7390')).toBe('4 8 2 1 7 3 9 0');
    expect(spelledValue('Уфа')).toBe('Уфа');
  });
});

describe('where the caret stands after ◄ or ►', () => {
  const t = (key: Parameters<typeof i18n.t>[0], values?: Parameters<typeof i18n.t>[1]) => i18n.t(key, values);

  it('names the character after the caret, a sign that speech would skip in words', () => {
    expect(caretAnnouncement('ivanova@mail.ru', 7, false, t)).toBe('Перед знаком «собака»');
    expect(caretAnnouncement('ivanova@mail.ru', 12, false, t)).toBe('Перед точкой');
    expect(caretAnnouncement('ivanova@mail.ru', 0, false, t)).toBe('Перед «i»');
    expect(caretAnnouncement('нет воды', 3, false, t)).toBe('Перед пробелом');
    expect(caretAnnouncement('abc', 3, false, t)).toBe('В конце текста');
  });

  it('in a secret, only counts the characters on either side', () => {
    const spoken = caretAnnouncement('demo1234', 5, true, t);
    expect(spoken).toBe('Символов до курсора: 5, после курсора: 3');
    expect(spoken).not.toMatch(/[a-z]/);
  });

  it('speaks the customer’s language', () => {
    void i18n.choose('en');
    expect(caretAnnouncement('a.b', 1, false, t)).toBe('Before a dot');
    void i18n.choose('ba');
    expect(caretAnnouncement('a.b', 3, false, t)).toBe('Текст аҙағында');
  });
});
