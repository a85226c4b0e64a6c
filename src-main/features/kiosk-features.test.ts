import { describe, expect, it } from 'vitest';
import { kioskFeatures, kioskSubmissionKinds } from './kiosk-features';
import { kioskMethodNames, kioskMethods } from './kiosk-methods';

describe('the feature list', () => {
  it('declares every method once, under its own name, in exactly one feature', () => {
    const declared = kioskFeatures.flatMap((feature) => Object.keys(feature.contract.methods));
    expect(new Set(declared).size).toBe(declared.length);
    expect([...declared].sort()).toEqual([...kioskMethodNames].sort());
    for (const name of kioskMethodNames) expect(kioskMethods[name].name).toBe(name);
  });

  it('gives every printable document of a contract a feature that builds its receipt', () => {
    const documentTypes = kioskFeatures.flatMap((feature) => feature.contract.documents.map((schema) => schema.shape.type.value));
    expect(documentTypes.sort()).toEqual(['appeal-ticket', 'payment-slip', 'readings-confirmation', 'statement']);
    const printInput = kioskMethods['print.document'].input;
    for (const type of documentTypes) {
      expect(printInput.safeParse({ document: { type } }).success).toBe(false);
    }
    expect(printInput.safeParse({ document: { type: 'payment-slip', amountKopecks: 100 } }).success).toBe(true);
    expect(printInput.safeParse({ document: { type: 'no-such-document' } }).success).toBe(false);
  });

  it('names every outbox kind once, as migration 005 seeds them', () => {
    expect(kioskSubmissionKinds.map((kind) => kind.kind).sort()).toEqual(['appeal', 'password-change', 'profile', 'readings']);
  });
});
