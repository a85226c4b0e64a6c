import { describe, expect, it } from 'vitest';
import { DEMO_PAYEE } from '../../billing-server/reference-content';
import {
  bicIsValid,
  correspondentAccountIsValid,
  innIsValid,
  kppIsValid,
  payeeRequisitesProblems,
  settlementAccountIsValid,
} from './payee-requisites';

/** Every string that differs from `value` in exactly one digit. */
function singleDigitCorruptions(value: string): string[] {
  const corrupted: string[] = [];
  for (let index = 0; index < value.length; index++) {
    for (const digit of '0123456789') {
      if (digit !== value[index]) corrupted.push(value.slice(0, index) + digit + value.slice(index + 1));
    }
  }
  return corrupted;
}

// Published requisites of ПАО Сбербанк (its INN, KPP, Moscow BIC and correspondent account) and of
// its Bashkir branch in Ufa (BIC 048073601), which the demo payee banks with.
const SBERBANK = { inn: '7707083893', kpp: '773601001', bic: '044525225', correspondentAccount: '30101810400000000225' };
const UFA_BRANCH = { bic: '048073601', correspondentAccount: '30101810300000000601' };

describe('payee requisites', () => {
  it('accepts published real-world requisites', () => {
    expect(innIsValid(SBERBANK.inn)).toBe(true);
    expect(kppIsValid(SBERBANK.kpp)).toBe(true);
    expect(bicIsValid(SBERBANK.bic)).toBe(true);
    expect(correspondentAccountIsValid(SBERBANK.correspondentAccount, SBERBANK.bic)).toBe(true);
    expect(correspondentAccountIsValid(UFA_BRANCH.correspondentAccount, UFA_BRANCH.bic)).toBe(true);
    // The 12-digit INN of a person, the example the tax service's own forms use.
    expect(innIsValid('500100732259')).toBe(true);
    // A KPP's reason part may be capital Latin letters.
    expect(kppIsValid('7701AB001')).toBe(true);
  });

  it('refuses every single-digit corruption of a good INN and account', () => {
    for (const inn of [SBERBANK.inn, '500100732259', DEMO_PAYEE.inn]) {
      for (const corrupted of singleDigitCorruptions(inn)) expect(innIsValid(corrupted), corrupted).toBe(false);
    }
    for (const account of singleDigitCorruptions(DEMO_PAYEE.settlementAccount)) {
      expect(settlementAccountIsValid(account, DEMO_PAYEE.bic), account).toBe(false);
    }
    for (const account of singleDigitCorruptions(SBERBANK.correspondentAccount)) {
      expect(correspondentAccountIsValid(account, SBERBANK.bic), account).toBe(false);
    }
    // The same account is not valid at another bank.
    expect(settlementAccountIsValid(DEMO_PAYEE.settlementAccount, SBERBANK.bic)).toBe(false);
  });

  it('refuses malformed BIC, KPP and INN', () => {
    for (const bic of ['48073601', '0480736011', '148073601', '04807360A']) expect(bicIsValid(bic), bic).toBe(false);
    for (const kpp of ['02760100', '0276010011', '0276ab001', '02760100A']) expect(kppIsValid(kpp), kpp).toBe(false);
    for (const inn of ['027600012', '02760001280', '', '027600012X']) expect(innIsValid(inn), inn).toBe(false);
  });

  it('passes the demo payee and names what is wrong with a bad one', () => {
    expect(payeeRequisitesProblems(DEMO_PAYEE)).toEqual([]);
    // The training payee of before: an INN and an account that fail their checks.
    const problems = payeeRequisitesProblems({ ...DEMO_PAYEE, inn: '0276000123', settlementAccount: '40702810406000012345' });
    expect(problems).toEqual([
      'INN 0276000123 fails its checksum',
      'settlement account 40702810406000012345 fails the control key against BIC 048073601',
    ]);
  });
});
