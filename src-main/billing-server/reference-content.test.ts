// The offices' hours the demo reference data publishes must read like a real office's: working days,
// opening before closing within the working day, and a lunch hour inside the opening hours.
import { describe, expect, it } from 'vitest';
import { referenceData } from './reference-content';

const DAYS = ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'];
const TIME_RANGE = /^(\d{1,2}):(\d{2})–(\d{1,2}):(\d{2})$/;

function minutes(hours: string, mins: string): number {
  return Number(hours) * 60 + Number(mins);
}

/** `9:00–18:00` → [540, 1080]; throws on anything else. */
function range(text: string): [number, number] {
  const match = TIME_RANGE.exec(text);
  if (!match) throw new Error(`not a time range: ${text}`);
  const [, openH = '', openM = '', closeH = '', closeM = ''] = match;
  return [minutes(openH, openM), minutes(closeH, closeM)];
}

/** `Пн–Чт` or `Пн, Ср, Пт` → the day numbers. */
function days(text: string): number[] {
  const span = /^(\S\S)–(\S\S)$/.exec(text);
  if (span) return DAYS.slice(DAYS.indexOf(span[1] ?? ''), DAYS.indexOf(span[2] ?? '') + 1).map((day) => DAYS.indexOf(day));
  return text.split(', ').map((day) => DAYS.indexOf(day));
}

const DAY = '(?:Пн|Вт|Ср|Чт|Пт|Сб|Вс)';
const PART = new RegExp(
  `^(?:(${DAY}(?:(?:–|, )${DAY})*) (\\d{1,2}:\\d{2}–\\d{1,2}:\\d{2})|обед (\\d{1,2}:\\d{2}–\\d{1,2}:\\d{2}))(?:, |$)`,
);

/** «Пн–Чт 8:00–17:00, Пт 8:00–16:00, обед 12:00–13:00» → the opening of each day and the lunch. */
function officeHours(hours: string): { open: Map<number, [number, number]>; lunch: [number, number] | null } {
  const open = new Map<number, [number, number]>();
  let lunch: [number, number] | null = null;
  let rest = hours;
  while (rest) {
    const match = PART.exec(rest);
    if (!match) throw new Error(`cannot read «${rest}» of «${hours}»`);
    const [whole, dayList, dayHours, lunchHours] = match;
    if (lunchHours) lunch = range(lunchHours);
    else for (const day of days(dayList ?? '')) open.set(day, range(dayHours ?? ''));
    rest = rest.slice(whole.length);
  }
  return { open, lunch };
}

describe('the demo offices’ hours', () => {
  const offices = referenceData('2026-11-20', { fromDay: 15, toDay: 25 }).offices;

  it('open between 7:00 and 20:00 on working days, for 6 to 10 hours', () => {
    for (const office of offices) {
      const { open } = officeHours(office.hours);
      expect(open.size, office.hours).toBeGreaterThan(0);
      for (const [day, [from, to]] of open) {
        expect(day, office.hours).toBeLessThan(5);
        expect(from, office.hours).toBeGreaterThanOrEqual(7 * 60);
        expect(to, office.hours).toBeLessThanOrEqual(20 * 60);
        expect(to - from, office.hours).toBeGreaterThanOrEqual(6 * 60);
        expect(to - from, office.hours).toBeLessThanOrEqual(10 * 60);
      }
    }
  });

  it('break for a whole lunch hour, starting on the hour, inside every day’s opening hours', () => {
    for (const office of offices) {
      const { open, lunch } = officeHours(office.hours);
      expect(lunch, office.hours).not.toBeNull();
      const [from, to] = lunch ?? [0, 0];
      expect(to - from, office.hours).toBe(60);
      expect(from % 60, office.hours).toBe(0);
      for (const [openFrom, openTo] of open.values()) {
        expect(from, office.hours).toBeGreaterThan(openFrom);
        expect(to, office.hours).toBeLessThan(openTo);
      }
    }
  });

  it('reads a schedule as written, and refuses the odd lunch of the old demo data', () => {
    const { open, lunch } = officeHours('Пн–Чт 8:00–17:00, Пт 8:00–16:00, обед 12:00–13:00');
    expect([...open.entries()]).toEqual([
      [0, [480, 1020]],
      [1, [480, 1020]],
      [2, [480, 1020]],
      [3, [480, 1020]],
      [4, [480, 960]],
    ]);
    expect(lunch).toEqual([720, 780]);
    const odd = officeHours('Пн–Пт 8:30–17:30, обед 12:30–13:18').lunch ?? [0, 0];
    expect(odd[1] - odd[0]).not.toBe(60);
  });
});
