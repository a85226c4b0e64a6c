import { describe, expect, it } from 'vitest';
import { refusal } from '../api/schemas';
import { isMessageKey } from './message-catalog';
import { message } from './messages';

describe('messages', () => {
  it('carry a key and, when there are any, the values of its arguments', () => {
    expect(message('errors.internal')).toEqual({ key: 'errors.internal' });
    expect(message('errors.wrong-credentials', { attemptsLeft: 2 })).toEqual({
      key: 'errors.wrong-credentials',
      values: { attemptsLeft: 2 },
    });
  });

  it('are checked against the Russian catalog at run time, for texts zod hands over', () => {
    expect(isMessageKey('errors.account.digits')).toBe(true);
    expect(isMessageKey('errors.account')).toBe(false);
    expect(isMessageKey('Invalid input: expected string, received number')).toBe(false);
  });

  it('do not compile with a misspelt key, in the core as in the renderer', () => {
    // @ts-expect-error «errors.internl» is not a key of the catalogs
    expect(message('errors.internl').key).toBe('errors.internl');
    // @ts-expect-error a schema's message is a catalog key, not a text
    expect(refusal('Введите пароль').error).toBe('Введите пароль');
  });
});
