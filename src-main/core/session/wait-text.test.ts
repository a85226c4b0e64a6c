import { describe, expect, it } from 'vitest';
import { message } from '../messages/messages';
import { russianText } from '../messages/message-test-kit';
import { waitValues } from './wait-text';

describe('waitValues', () => {
  it('counts whole minutes, rounded up, and seconds under a minute', () => {
    expect(waitValues(900)).toEqual({ minutes: 15, seconds: 0 });
    expect(waitValues(845)).toEqual({ minutes: 15, seconds: 0 });
    expect(waitValues(61)).toEqual({ minutes: 2, seconds: 0 });
    expect(waitValues(60)).toEqual({ minutes: 1, seconds: 0 });
    expect(waitValues(58.3)).toEqual({ minutes: 0, seconds: 59 });
    expect(waitValues(0)).toEqual({ minutes: 0, seconds: 1 });
  });

  it('reads as Russian plurals in a rate-limit refusal', () => {
    const wait = (seconds: number) => russianText(message('recover.refusals.rateLimited', waitValues(seconds)));
    expect(wait(900)).toBe(
      'Слишком много неудачных попыток восстановления пароля на этом терминале. Повторите через 15 минут или обратитесь к сотруднику офиса.',
    );
    expect(wait(60)).toMatch(/через 1 минуту или/);
    expect(wait(150)).toMatch(/через 3 минуты или/);
    expect(wait(21)).toMatch(/через 21 секунду или/);
    expect(wait(5)).toMatch(/через 5 секунд или/);
  });
});
