import { describe, expect, it } from 'vitest';
import { hashSecret, OWASP_SCRYPT, verifySecret } from './secret-hash';

describe('staff PIN hashes', () => {
  it('use OWASP scrypt parameters and a fresh salt each time', () => {
    const first = hashSecret('246810');
    const second = hashSecret('246810');
    expect(first.startsWith(`scrypt$${OWASP_SCRYPT.N}$8$1$`)).toBe(true);
    expect(first).not.toBe(second);
    expect(first).not.toContain('246810');
  });

  it('verify the right PIN and refuse a wrong or malformed one', async () => {
    const stored = hashSecret('246810');
    expect(await verifySecret('246810', stored)).toBe(true);
    expect(await verifySecret('246811', stored)).toBe(false);
    expect(await verifySecret('246810', 'plain:246810')).toBe(false);
  });
});
