import { afterEach, describe, expect, it, vi } from 'vitest';
import { bridgeAnswering } from '../../tests/support/kiosk-bridge-stub';
import type { KioskError } from '../lib/kiosk-api';
import { ReadingsForm, type Confirmation, type Meter, type MetersData } from './readings-form.svelte';

afterEach(() => {
  vi.unstubAllGlobals();
});

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
  // Decided on the screen from the meters the core sent: the core is not asked (the bridge would record it).
  it('asks for a reading when none was entered', () => {
    const calls = bridgeAnswering({});
    const form = formWith([meter()]);
    expect(form.calculate()).toBe(false);
    expect(form.notice).toBe('readings.noneEntered');
    expect(calls).toEqual([]);
  });

  it('refuses a reading lower than the previous one on the spot', () => {
    const form = formWith([meter()]);
    type(form, '46,5');
    expect(form.calculate()).toBe(false);
    expect(form.results.HW1).toMatchObject({ value: 46.5, consumption: null, problem: 'lower-than-previous' });
    expect(form.busy).toBe(false);
  });

  it('shows the consumption of each entered reading without asking the core', () => {
    const calls = bridgeAnswering({});
    const form = formWith([meter(), meter({ meterId: 'HW2', serialNumber: 'ВСГ-2', lastReading: null })]);
    type(form, '49,5');
    form.select(form.meters[1]!);
    type(form, '12');
    expect(form.calculate()).toBe(true);
    expect(form.results).toEqual({
      HW1: { value: 49.5, consumption: 2.377, problem: null, high: null },
      HW2: { value: 12, consumption: null, problem: null, high: null },
    });
    expect(calls).toEqual([]);
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

describe('ReadingsForm «Передать показания»: the submission is the only call', () => {
  const registered = {
    registrationNumber: 'П-20261120-000002',
    acceptedAt: '2026-11-20T06:00:00Z',
    readings: [{ meterId: 'HW1', value: 110 }],
  };

  /** The core's answer to readings.submit: the confirmation and the meters with this submission among this month's. */
  function submitted(form: ReadingsForm, overrides: Partial<Confirmation> = {}): Confirmation {
    const data = form.data as MetersData;
    return {
      delivery: 'delivered',
      registrationNumber: registered.registrationNumber,
      localReference: 'T1-000002',
      submittedAt: '2026-11-20T06:00:00Z',
      acceptedAt: registered.acceptedAt,
      countsForPeriod: '2026-11',
      corrects: null,
      lines: [{ meterId: 'HW1', serialNumber: 'ВСГ-1', unit: 'м³', previous: 47.123, value: 110, consumption: 62.877 }],
      message: { key: 'readings.outcome.delivered', values: { number: registered.registrationNumber } },
      updatedMeters: { ...data, submissions: [registered, ...data.submissions] },
      ...overrides,
    } as Confirmation;
  }

  it('asks about a consumption far above the usual from the screen’s own check, before any call', async () => {
    const calls = bridgeAnswering({});
    const form = formWith([meter()]);
    type(form, '110');
    await form.requestSubmit();
    expect(calls).toEqual([]);
    // 62,877 м³ against the usual 3 м³ a month: 21 times.
    expect(form.dialog).toEqual({ high: [{ meter: form.meters[0], consumption: 62.877, ratio: 21 }], corrects: null });
    expect(form.results.HW1).toEqual({ value: 110, consumption: 62.877, problem: null, high: { ratio: 21 } });
  });

  it('«Да» sends readings.submit once, confirmed, and shows the meters it answered with (no reload)', async () => {
    const form = formWith([meter()]);
    type(form, '110');
    const calls = bridgeAnswering({ 'readings.submit': { ok: true, value: submitted(form) } });
    await form.requestSubmit();
    await form.confirmDialog();
    expect(calls).toEqual([
      { method: 'readings.submit', input: { readings: [{ meterId: 'HW1', value: '110' }], confirmHighConsumption: true } },
    ]);
    expect(form.confirmation?.registrationNumber).toBe(registered.registrationNumber);
    // The newest of the month is this one: the confirmation offers «Исправить» for it.
    expect(form.latestSubmission).toEqual(registered);
    expect([form.values, form.results, form.dialog]).toEqual([{}, {}, null]);
  });

  it('a usual reading goes without a dialog, and a correction of it asks first and names what it corrects', async () => {
    const form = formWith([meter()]);
    type(form, '49,5');
    const first = { ...registered, registrationNumber: 'П-20261120-000001', readings: [{ meterId: 'HW1', value: 49.5 }] };
    let calls = bridgeAnswering({
      'readings.submit': {
        ok: true,
        value: submitted(form, {
          registrationNumber: first.registrationNumber,
          updatedMeters: { ...(form.data as MetersData), submissions: [first] },
        }),
      },
    });
    await form.requestSubmit();
    expect(calls).toEqual([{ method: 'readings.submit', input: { readings: [{ meterId: 'HW1', value: '49,5' }] } }]);
    expect(form.dialog).toBeNull();
    expect(form.latestSubmission?.registrationNumber).toBe(first.registrationNumber);

    form.startCorrection(first.registrationNumber);
    expect(form.values).toEqual({ HW1: '49,500' });
    form.pressKey('backspace');
    form.pressKey('backspace');
    form.pressKey('backspace');
    type(form, '8');
    const correction = { ...registered, registrationNumber: 'П-20261120-000002', readings: [{ meterId: 'HW1', value: 49.8 }] };
    calls = bridgeAnswering({
      'readings.submit': {
        ok: true,
        value: submitted(form, {
          registrationNumber: correction.registrationNumber,
          corrects: first.registrationNumber,
          updatedMeters: { ...(form.data as MetersData), submissions: [correction, first] },
        }),
      },
    });
    await form.requestSubmit();
    expect(calls).toEqual([]);
    expect(form.dialog).toEqual({ high: [], corrects: first.registrationNumber });
    await form.confirmDialog();
    expect(calls).toEqual([
      {
        method: 'readings.submit',
        input: { readings: [{ meterId: 'HW1', value: '49,8' }], correctsRegistrationNumber: first.registrationNumber },
      },
    ]);
    expect(form.correcting).toBeNull();
    expect(form.data?.submissions.map((submission) => submission.registrationNumber)).toEqual([
      correction.registrationNumber,
      first.registrationNumber,
    ]);
  });

  it('readings queued while the billing centre is away: the confirmation, and the month’s list as it was', async () => {
    const earlier = { ...registered, registrationNumber: 'П-20261120-000001' };
    const form = formWith([meter()], [earlier]);
    type(form, '49,5');
    const calls = bridgeAnswering({
      'readings.submit': {
        ok: true,
        value: submitted(form, { delivery: 'pending', registrationNumber: null, acceptedAt: null, updatedMeters: form.data as MetersData }),
      },
    });
    await form.requestSubmit();
    expect(calls.map((call) => call.method)).toEqual(['readings.submit']);
    expect(form.confirmation?.delivery).toBe('pending');
    expect(form.latestSubmission).toEqual(earlier);
  });

  it('a refusal of the core keeps what was typed and shows it', async () => {
    const refusal: KioskError = {
      code: 'invalid-input',
      message: { key: 'readings.meterRefusals.lowerThanPrevious', values: { previous: '50,000', serial: 'ВСГ-1' } },
      fields: { HW1: { key: 'readings.problemLowerThanPrevious', values: { previous: '50,000' } } },
    };
    const calls = bridgeAnswering({ 'readings.submit': { ok: false, error: refusal } });
    const form = formWith([meter()]);
    type(form, '49,5');
    await form.requestSubmit();
    expect(calls.map((call) => call.method)).toEqual(['readings.submit']);
    expect(form.error).toEqual(refusal);
    expect([form.confirmation, form.values]).toEqual([null, { HW1: '49,5' }]);
  });
});
