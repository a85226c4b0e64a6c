import { describe, expect, it } from 'vitest';
import { ReadingsForm, ufaDateTime, type Meter, type MetersData } from './readings-form.svelte';

/** A hot-water meter as the core lists it; overrides make the one a test needs. */
function meter(overrides: Partial<Meter> = {}): Meter {
  return {
    meterId: 'HW1',
    service: 'hot-water',
    unit: 'м³',
    serialNumber: 'ВСГ-1',
    installedOn: '2024-01-10',
    verificationDueOn: '2028-01-10',
    verificationState: 'valid',
    daysLeft: 400,
    integerDigits: 5,
    fractionDigits: 3,
    lastReading: { value: 47.123, takenOn: '2026-10-20' },
    averageMonthlyConsumption: 3,
    acceptsReadings: true,
    ...overrides,
  } as Meter;
}

/** A form with the meters loaded (as `load` would leave it) and the first working one selected. */
function formWith(meters: Meter[], submissions: MetersData['submissions'] = []): ReadingsForm {
  const form = new ReadingsForm();
  form.data = { today: '2026-11-20', meters, submissions } as unknown as MetersData;
  form.activeMeterId = meters.find((candidate) => candidate.acceptsReadings)?.meterId ?? null;
  return form;
}

function type(form: ReadingsForm, keys: string): void {
  for (const key of keys) form.pressKey(key);
}

describe('ReadingsForm typing', () => {
  it('types digits and one decimal comma into the selected meter, a leading comma as «0,»', () => {
    const form = formWith([meter()]);
    type(form, ',5,3');
    expect(form.values.HW1).toBe('0,53');
    form.pressKey('clear');
    type(form, '49,5');
    expect(form.values.HW1).toBe('49,5');
    form.pressKey('backspace');
    form.pressKey('backspace');
    expect(form.values.HW1).toBe('49');
  });

  it('a meter without decimals takes no comma; no field takes more than 14 characters', () => {
    const form = formWith([meter({ fractionDigits: 0 })]);
    type(form, '12,3');
    expect(form.values.HW1).toBe('123');
    type(form, '45678901234567');
    expect(form.values.HW1).toHaveLength(14);
  });

  it('an expired meter cannot be selected or typed into, and nothing is typed while busy', () => {
    const form = formWith([meter({ meterId: 'OLD', acceptsReadings: false }), meter()]);
    expect(form.activeMeterId).toBe('HW1');
    form.select(form.meters[0]!);
    expect(form.activeMeterId).toBe('HW1');
    form.busy = true;
    type(form, '5');
    expect(form.values).toEqual({});
  });

  it('shows too many digits while typing, and nothing for a number still being typed', () => {
    const form = formWith([meter()]);
    type(form, '123456');
    expect(form.liveProblem(form.meters[0]!)).toBe('too-many-digits');
    form.pressKey('backspace');
    expect(form.liveProblem(form.meters[0]!)).toBeNull();
    type(form, ',');
    expect(form.liveProblem(form.meters[0]!)).toBeNull();
  });

  it('a new key drops the result shown for that meter and the message of the screen', () => {
    const form = formWith([meter()]);
    form.results = { HW1: { value: 50, consumption: 2.877, problem: null, high: null } };
    form.notice = 'readings.noneEntered';
    form.pressKey('5');
    expect(form.results).toEqual({});
    expect(form.notice).toBeNull();
  });
});

describe('ReadingsForm «Рассчитать расход»', () => {
  // No kiosk API in unit tests: each case here is decided on the screen before the core is asked.
  it('asks for a reading when none was entered', async () => {
    const form = formWith([meter()]);
    expect(await form.calculate()).toBe(false);
    expect(form.notice).toBe('readings.noneEntered');
  });

  it('refuses a reading lower than the previous one on the spot', async () => {
    const form = formWith([meter()]);
    type(form, '46,5');
    expect(await form.calculate()).toBe(false);
    expect(form.results.HW1).toMatchObject({ value: 46.5, consumption: null, problem: 'lower-than-previous' });
    expect(form.busy).toBe(false);
  });

  it('«Передать показания» sends nothing when the screen found a problem', async () => {
    const form = formWith([meter()]);
    type(form, '1234567');
    await form.requestSubmit();
    expect(form.results.HW1?.problem).toBe('too-many-digits');
    expect([form.dialog, form.confirmation]).toEqual([null, null]);
  });
});

describe('ReadingsForm corrections and the dialog', () => {
  const submissions = [
    { registrationNumber: 'П-20261120-000001', acceptedAt: '2026-11-20T05:00:00Z', readings: [{ meterId: 'HW1', value: 49.5 }] },
  ];

  it('«Исправить» prefills the sent readings in the meter’s precision; cancelling empties the form', () => {
    const form = formWith([meter({ meterId: 'OLD', acceptsReadings: false }), meter()], submissions);
    expect(form.latestSubmission?.registrationNumber).toBe('П-20261120-000001');
    form.activeMeterId = null;
    form.startCorrection('П-20261120-000001');
    expect(form.correcting).toBe('П-20261120-000001');
    expect(form.values).toEqual({ HW1: '49,500' });
    expect(form.activeMeterId).toBe('HW1');
    form.cancelCorrection();
    expect([form.correcting, form.values]).toEqual([null, {}]);
  });

  it('«Нет» closes the dialog and keeps what was typed', () => {
    const form = formWith([meter()]);
    type(form, '110');
    form.dialog = { high: [{ meter: form.meters[0]!, consumption: 62.877, ratio: 21 }], corrects: null };
    form.cancelDialog();
    expect(form.dialog).toBeNull();
    expect(form.values.HW1).toBe('110');
  });
});

describe('ufaDateTime', () => {
  it('gives the wall date and time in Ufa (UTC+5 all year)', () => {
    expect(ufaDateTime('2026-11-20T19:30:00Z')).toEqual({ date: '2026-11-21', time: '00:30' });
    expect(ufaDateTime('2026-07-01T04:05:00Z')).toEqual({ date: '2026-07-01', time: '09:05' });
  });
});
