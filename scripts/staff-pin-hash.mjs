// `npm run staff-pin-hash -- 123456`: prints the scrypt hash of a staff PIN for the configuration
// (`staff[].pinHash`), with the same OWASP parameters the kiosk verifies with (N=2^17, r=8, p=1).
import crypto from 'node:crypto';

const pin = process.argv[2] ?? '';
if (!/^\d{4,8}$/.test(pin)) {
  console.error('Usage: npm run staff-pin-hash -- <PIN of 4 to 8 digits>');
  process.exit(1);
}
const params = { N: 2 ** 17, r: 8, p: 1 };
const salt = crypto.randomBytes(16);
const hash = crypto.scryptSync(pin, salt, 32, { ...params, maxmem: 256 * 1024 * 1024 });
console.log(['scrypt', params.N, params.r, params.p, salt.toString('base64url'), hash.toString('base64url')].join('$'));
