// Secrets (staff PINs, customer passwords on the reference billing server) are stored only as salted
// scrypt hashes in a self-describing string: `scrypt$N$r$p$salt$hash` (base64url). Staff PINs use OWASP's
// parameters (N=2^17, r=8, p=1): a PIN has few digits, so each guess must be expensive.
import crypto from 'node:crypto';

export const OWASP_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

export function hashSecret(secret: string, params: { N: number; r: number; p: number } = OWASP_SCRYPT): string {
  const salt = crypto.randomBytes(16);
  const hash = crypto.scryptSync(secret, salt, KEY_LENGTH, { ...params, maxmem: 256 * 1024 * 1024 });
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, hashText] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !saltText || !hashText) return false;
  const expected = Buffer.from(hashText, 'base64url');
  const actual = await new Promise<Buffer>((resolve, reject) =>
    crypto.scrypt(
      secret,
      Buffer.from(saltText, 'base64url'),
      expected.length,
      { N: Number(n), r: Number(r), p: Number(p), maxmem: 256 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}
