// The rules a new password must meet at the kiosk, checked in the core before anything is stored or
// sent. The same rules are shown to the customer before they type (NIST SP 800-63B §3.1.1.2:
// length over composition, refuse common passwords, say why a password was refused).
import { message, type Message } from '../../core/messages/messages';
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

/** What the customer reads about each problem. */
export const PASSWORD_PROBLEM_MESSAGE: Record<PasswordProblem, Message> = {
  'current-missing': message('profile.refusals.current-missing'),
  'too-short': message('profile.refusals.too-short', { min: PASSWORD_MIN_LENGTH }),
  'too-long': message('profile.refusals.too-long', { max: PASSWORD_MAX_LENGTH }),
  'digits-only': message('profile.refusals.digits-only'),
  common: message('profile.refusals.common'),
  'same-as-current': message('profile.refusals.same-as-current'),
  'repeat-mismatch': message('profile.refusals.repeat-mismatch'),
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
