// The rules a new password must meet at the kiosk, checked in the core before anything is stored or
// sent. The same rules are shown to the customer before they type (NIST SP 800-63B §3.1.1.2:
// length over composition, refuse common passwords, say why a password was refused).
import { isCommonPassword } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem =
  'current-missing' | 'too-short' | 'too-long' | 'digits-only' | 'common' | 'same-as-current' | 'repeat-mismatch';

/** Which field of the form each problem belongs to. */
export const PASSWORD_PROBLEM_FIELD: Record<PasswordProblem, 'currentPassword' | 'newPassword' | 'repeatPassword'> = {
  'current-missing': 'currentPassword',
  'too-short': 'newPassword',
  'too-long': 'newPassword',
  'digits-only': 'newPassword',
  common: 'newPassword',
  'same-as-current': 'newPassword',
  'repeat-mismatch': 'repeatPassword',
};

/** Customer-facing Russian text of each problem. */
export const PASSWORD_PROBLEM_MESSAGE: Record<PasswordProblem, string> = {
  'current-missing': 'Введите текущий пароль.',
  'too-short': `Новый пароль слишком короткий: нужно не менее ${PASSWORD_MIN_LENGTH} знаков.`,
  'too-long': `Новый пароль слишком длинный: не более ${PASSWORD_MAX_LENGTH} знаков.`,
  'digits-only': 'Новый пароль не должен состоять только из цифр: добавьте буквы или знаки.',
  common: 'Этот пароль слишком распространён, его легко угадать. Придумайте другой.',
  'same-as-current': 'Новый пароль должен отличаться от текущего.',
  'repeat-mismatch': 'Новый пароль и его повтор не совпадают. Введите новый пароль ещё раз.',
};

export interface PasswordChangeInput {
  currentPassword: string;
  newPassword: string;
  repeatPassword: string;
}

/** Every rule the change breaks, in the order the form shows them; empty when the change may go ahead. */
export function passwordChangeProblems({ currentPassword, newPassword, repeatPassword }: PasswordChangeInput): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (currentPassword.length === 0) problems.push('current-missing');
  // Length counts characters as the customer sees them, not UTF-16 units.
  const length = [...newPassword].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push('too-short');
  else if (length > PASSWORD_MAX_LENGTH) problems.push('too-long');
  if (newPassword.length > 0 && /^\d+$/.test(newPassword)) problems.push('digits-only');
  else if (isCommonPassword(newPassword)) problems.push('common');
  if (currentPassword.length > 0 && newPassword === currentPassword) problems.push('same-as-current');
  if (newPassword !== repeatPassword) problems.push('repeat-mismatch');
  return problems;
}
