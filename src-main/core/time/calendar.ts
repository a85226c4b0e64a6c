// Calendar arithmetic on the utility's own dates. Billing periods (`YYYY-MM`) and dates
// (`YYYY-MM-DD`) are civil dates in Ufa, which is UTC+5 all year (Russia has no daylight saving),
// so a fixed offset is exact and no time-zone database is needed.
const UFA_OFFSET_MS = 5 * 60 * 60 * 1000;

/** The civil date in Ufa at an instant, as `YYYY-MM-DD`. */
export function ufaDate(instantMs: number): string {
  return new Date(instantMs + UFA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The civil time of day in Ufa at an instant, as `HH:MM`. */
export function ufaTime(instantMs: number): string {
  return new Date(instantMs + UFA_OFFSET_MS).toISOString().slice(11, 16);
}

/** The billing period (`YYYY-MM`) a date falls in. */
export function periodOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

export function addMonths(period: string, months: number): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Whole months from `from` to `to` (0 when equal, negative when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  const [fromYear, fromMonth] = from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = to.split('-').map(Number) as [number, number];
  return (toYear - fromYear) * 12 + (toMonth - fromMonth);
}

export function daysInPeriod(period: string): number {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function dateInPeriod(period: string, day: number): string {
  return `${period}-${String(Math.min(day, daysInPeriod(period))).padStart(2, '0')}`;
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function addYears(isoDate: string, years: number): string {
  return `${Number(isoDate.slice(0, 4)) + years}${isoDate.slice(4)}`;
}

/** Days from `from` to `to`, both `YYYY-MM-DD`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Every period from `from` to `to` inclusive, oldest first. */
export function periodRange(from: string, to: string): string[] {
  const count = monthsBetween(from, to);
  return Array.from({ length: Math.max(0, count + 1) }, (_, index) => addMonths(from, index));
}
