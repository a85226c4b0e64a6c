import { describe, expect, it } from 'vitest';
import { greetingName } from './home-greeting';

describe('greetingName', () => {
  it('greets a person by name and patronymic', () => {
    expect(greetingName('Иванов Сергей Николаевич')).toBe('Сергей Николаевич');
    expect(greetingName('Галиева Айгуль Ринатовна')).toBe('Айгуль Ринатовна');
    expect(greetingName('Кузьмина Ольга Ильинична')).toBe('Ольга Ильинична');
    expect(greetingName('Петров Иван Ильич')).toBe('Иван Ильич');
    expect(greetingName('  Сидорова   Анна-Мария   Петровна ')).toBe('Анна-Мария Петровна');
    expect(greetingName('Ivanov Sergey Nikolaevich')).toBe('Sergey Nikolaevich');
  });

  it('keeps the separate word of a Turkic patronymic', () => {
    expect(greetingName('Алиев Рашид Мамед оглы')).toBe('Рашид Мамед оглы');
    expect(greetingName('Юлаева Зәйнәб Салауат ҡыҙы')).toBe('Зәйнәб Салауат ҡыҙы');
  });

  it('writes a name kept in capitals as a name', () => {
    expect(greetingName('ИВАНОВ СЕРГЕЙ НИКОЛАЕВИЧ')).toBe('Сергей Николаевич');
    expect(greetingName('ИВАНОВА АННА-МАРИЯ ПЕТРОВНА')).toBe('Анна-Мария Петровна');
  });

  it('greets without a name when there is no name and patronymic to greet by', () => {
    for (const holder of [
      'Иванов',
      '',
      'Иванов Сергей',
      // A bill session's short name: initials only.
      'Сидорова В. И.',
      'Сидорова В И',
      'ООО «Ромашка»',
      'ТСЖ Уютный дом',
      'ИП Петров Иван Иванович',
      'Управляющая компания Уютный дом',
      'Товарищество собственников жилья',
      '<img src=x>Иванов "Иван" \'Иванович\'',
    ]) {
      expect(greetingName(holder), holder).toBeNull();
    }
  });
});
