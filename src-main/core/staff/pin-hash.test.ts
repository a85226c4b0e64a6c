import { describe, expect, it } from 'vitest';
import { hashPin, OWASP_SCRYPT, verifyPin } from './pin-hash';

describe('staff PIN hashes', () => {
  it('use OWASP scrypt parameters and a fresh salt each time', () => {
    const first = hashPin('246810');
    const second = hashPin('246810');
    expect(first.startsWith(`scrypt$${OWASP_SCRYPT.N}$8$1$`)).toBe(true);
    expect(first).not.toBe(second);
    expect(first).not.toContain('246810');
  });

  it('verify the right PIN and refuse a wrong or malformed one', async () => {
    const stored = hashPin('246810');
    expect(await verifyPin('246810', stored)).toBe(true);
    expect(await verifyPin('246811', stored)).toBe(false);
    expect(await verifyPin('246810', 'plain:246810')).toBe(false);
  });
});
