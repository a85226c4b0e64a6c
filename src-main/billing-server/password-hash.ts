// Customer passwords on the reference billing server: scrypt like the kiosk's staff PINs, with a
// lighter cost (N=2^15) because a password has far more entropy than a six-digit PIN.
import { hashSecret, verifySecret } from '../core/security/secret-hash';

const PASSWORD_SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;

export function hashPassword(password: string): string {
  return hashSecret(password, PASSWORD_SCRYPT);
}

export const verifyPassword = verifySecret;
