import { describe, expect, it } from 'vitest';
import { KioskFailure } from './contract';
import { createDispatcher } from './dispatcher';
import type { CustomerAccess } from '../session/customer-session';
import { kioskMethods, type KioskHandlers } from '../../features/kiosk-methods';
import type { Logger } from '../logging/logger';

function recordingLogger() {
  const errors: string[] = [];
  const logger: Logger = { debug() {}, info() {}, warn() {}, error: (message) => void errors.push(message) };
  return { logger, errors };
}

const summary = {
  accountNumber: '820000001',
  holderName: 'Иванова Мария Петровна',
  address: 'г. Уфа, ул. Ленина, д. 1, кв. 1',
  billingPeriod: '2026-11',
  amountDueKopecks: 123241,
  balanceKopecks: 123241,
  lastPayment: null,
  paymentDueBy: '2026-12-10',
};

function dispatcherWith(overrides: Partial<KioskHandlers>, access: CustomerAccess | null = null) {
  const { logger, errors } = recordingLogger();
  const handlers = { ...overrides } as KioskHandlers;
  const dispatch = createDispatcher(kioskMethods, handlers, { customerAccess: () => access, staffLoggedIn: () => false }, logger);
  return { dispatch, errors };
}

describe('dispatcher', () => {
  it('validates input before the handler runs and answers with catalog keys, per field', async () => {
    let ran = false;
    const { dispatch } = dispatcherWith({
      'session.login': async () => {
        ran = true;
        return { accountNumber: '820000001' };
      },
    });
    const result = await dispatch('session.login', { accountNumber: '12345', password: 'x' });
    expect(ran).toBe(false);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: { key: 'errors.account.digits' },
        fields: { accountNumber: { key: 'errors.account.digits' } },
      },
    });
  });

  it('refuses extra fields and wrong types without a technical message', async () => {
    const { dispatch } = dispatcherWith({});
    const result = await dispatch('session.login', { accountNumber: 820000001, password: 'x', admin: true });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input');
      expect(result.error.message).toEqual({ key: 'errors.account.required' });
      // zod's own English for the unknown field becomes the catalog's «check this field».
      expect(result.error.fields).toMatchObject({ accountNumber: { key: 'errors.account.required' }, _: { key: 'errors.checkField' } });
    }
  });

  it('keeps customer methods closed until someone logs in', async () => {
    const { dispatch } = dispatcherWith({ 'account.summary': async () => summary });
    expect(await dispatch('account.summary', {})).toMatchObject({ ok: false, error: { code: 'not-logged-in' } });
    const loggedIn = dispatcherWith({ 'account.summary': async () => summary }, 'full');
    expect(await loggedIn.dispatch('account.summary', {})).toEqual({ ok: true, value: summary });
  });

  it('lets a bill session call bill-holder methods and refuses it customer-only ones before the handler runs', async () => {
    let statementRan = false;
    const { dispatch } = dispatcherWith(
      {
        'account.summary': async () => summary,
        'charges.statement': async () => {
          statementRan = true;
          return { from: '2026-01', to: '2026-02', rows: [], totals: {} } as never;
        },
      },
      'bill',
    );
    expect(await dispatch('account.summary', {})).toEqual({ ok: true, value: summary });
    expect(await dispatch('charges.statement', { from: '2026-01', to: '2026-02' })).toEqual({
      ok: false,
      error: { code: 'full-login-required', message: { key: 'errors.full-login-required' } },
    });
    expect(statementRan).toBe(false);
  });

  it('turns a refusal into a result and an unexpected exception into a generic message, logged', async () => {
    const refusing = dispatcherWith({
      'session.logout': async () => {
        throw new KioskFailure({ code: 'billing-unavailable', message: { key: 'errors.billing-unavailable' } });
      },
    });
    expect(await refusing.dispatch('session.logout', {})).toEqual({
      ok: false,
      error: { code: 'billing-unavailable', message: { key: 'errors.billing-unavailable' } },
    });

    const crashing = dispatcherWith({
      'session.logout': async () => {
        throw new TypeError('cannot read properties of undefined');
      },
    });
    const result = await crashing.dispatch('session.logout', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('cannot read');
    expect(crashing.errors).toEqual(['handler failed']);
  });

  it('says «check what you entered» when no field has a message of its own', async () => {
    const { dispatch } = dispatcherWith({});
    const result = await dispatch('session.login', { accountNumber: '820000001', password: 'x', admin: true });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: { key: 'errors.invalid-input' }, fields: { _: { key: 'errors.checkField' } } },
    });
  });

  it('does not pass on a handler result that breaks the contract', async () => {
    const { dispatch, errors } = dispatcherWith({ 'account.summary': async () => ({ ...summary, amountDueKopecks: 12.5 }) }, 'full');
    expect(await dispatch('account.summary', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(errors).toHaveLength(1);
  });

  it('refuses names that are not declared methods, including prototype names', async () => {
    const { dispatch } = dispatcherWith({});
    for (const name of ['nope', '__proto__', 'constructor', 'toString']) {
      expect(await dispatch(name, {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
  });
});
