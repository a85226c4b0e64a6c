// The Intl date formatters the screens name months, dates and Ufa's wall-clock time with, one per
// locale and kind, made on first use: making an Intl.DateTimeFormat costs far more than formatting
// with it, the 36-month statement names a month about 80 times, and none is needed before the start
// screen's first paint.

const DATE_FORMATS = {
  month: { month: 'long', timeZone: 'UTC' },
  'long-date': { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
  /** A moment's date and time in Ufa (UTC+5 all year, the zone database's name for it), as parts. */
  'ufa-parts': {
    timeZone: 'Asia/Yekaterinburg',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

const made = new Map<string, Intl.DateTimeFormat>();

export function dateFormat(locale: string, kind: keyof typeof DATE_FORMATS): Intl.DateTimeFormat {
  const key = `${locale} ${kind}`;
  let format = made.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, DATE_FORMATS[kind]);
    made.set(key, format);
  }
  return format;
}

/**
 * An instant as the date (`2026-11-21`) and time (`00:30`) on the wall in Ufa, whatever zone the
 * PC's clock is set to: every time the kiosk shows is Ufa time, as on its receipts.
 */
export function ufaDateTime(iso: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    dateFormat('en-GB', 'ufa-parts')
      .formatToParts(Date.parse(iso))
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts['year']}-${parts['month']}-${parts['day']}`, time: `${parts['hour']}:${parts['minute']}` };
}
