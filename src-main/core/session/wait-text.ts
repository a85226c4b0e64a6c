// The wait in lockout and rate-limit refusals, as the values of their ICU plurals: whole minutes
// (rounded up, so the customer never comes back too early), or seconds when less than a minute is left.
import type { MessageValues } from '../messages/messages';

export function waitValues(seconds: number): MessageValues {
  const whole = Math.max(1, Math.ceil(seconds));
  return whole < 60 ? { minutes: 0, seconds: whole } : { minutes: Math.ceil(whole / 60), seconds: 0 };
}
