// «Личная информация»: the profile with contacts masked until the customer reveals them, the
// editors of e-mail, phone and password, and the bill delivery switches. Every check is the
// core's; passwords live here only while typed and are cleared as soon as they are sent.
import { callKiosk, type KioskError } from '../lib/kiosk-api';
import type { Message } from '../../src-main/core/messages/messages';
import type { KioskOutput } from '../../src-main/features/kiosk-methods';
import { kioskApp } from '../state/kiosk-app.svelte';
import { formatPhoneDigits } from './appeals-form.svelte';
import { pressDigitKey } from './keypad-digits';

export type ProfileView = KioskOutput<'profile.get'>;
export type ProfileEditor = 'none' | 'email' | 'phone' | 'password';
export type PasswordField = 'current' | 'new' | 'repeat';

/** What the last successful write said, shown in a status line. */
export type ProfileNotice = Message;

const PHONE_DIGITS = 10;
const PASSWORD_MAX = 128;

export class ProfileState {
  profile = $state.raw<ProfileView | null>(null);
  loadError = $state<KioskError | null>(null);
  contactsRevealed = $state(false);

  editor = $state<ProfileEditor>('none');
  emailDraft = $state('');
  phoneDigits = $state('');
  currentPassword = $state('');
  newPassword = $state('');
  repeatPassword = $state('');
  activePasswordField = $state<PasswordField>('current');
  visible = $state<Record<PasswordField, boolean>>({ current: false, new: false, repeat: false });

  error = $state<KioskError | null>(null);
  notice = $state<ProfileNotice | null>(null);
  saving = $state(false);
  billsError = $state<KioskError | null>(null);

  readonly phoneShown = $derived(formatPhoneDigits(this.phoneDigits));

  /** Called once when the screen opens. */
  async load(): Promise<void> {
    const result = await kioskApp.track(callKiosk('profile.get', {}));
    if (result.ok) {
      this.profile = result.value;
      this.loadError = null;
    } else {
      this.loadError = result.error;
    }
  }

  toggleContacts(): void {
    this.contactsRevealed = !this.contactsRevealed;
  }

  open(editor: Exclude<ProfileEditor, 'none'>): void {
    // Whatever was revealed is masked again: the customer's attention is on the editor now.
    this.contactsRevealed = false;
    this.clearSecrets();
    this.emailDraft = '';
    this.phoneDigits = '';
    this.error = null;
    this.notice = null;
    this.activePasswordField = 'current';
    this.editor = editor;
  }

  close(): void {
    this.clearSecrets();
    this.error = null;
    this.editor = 'none';
  }

  setEmail(value: string): void {
    this.error = null;
    this.emailDraft = value;
  }

  pressKeypad(key: string): void {
    this.error = null;
    this.phoneDigits = pressDigitKey(this.phoneDigits, key, PHONE_DIGITS);
  }

  passwordValue(field: PasswordField): string {
    return field === 'current' ? this.currentPassword : field === 'new' ? this.newPassword : this.repeatPassword;
  }

  setPassword(value: string): void {
    this.error = null;
    const text = value.slice(0, PASSWORD_MAX);
    if (this.activePasswordField === 'current') this.currentPassword = text;
    else if (this.activePasswordField === 'new') this.newPassword = text;
    else this.repeatPassword = text;
  }

  toggleVisible(field: PasswordField): void {
    this.visible[field] = !this.visible[field];
  }

  async saveContact(): Promise<void> {
    if (this.saving) return;
    const editing = this.editor;
    if (editing !== 'email' && editing !== 'phone') return;
    this.saving = true;
    this.error = null;
    try {
      const input = editing === 'email' ? { email: this.emailDraft } : { phone: this.phoneDigits ? `+7${this.phoneDigits}` : '' };
      const result = await kioskApp.track(callKiosk('profile.updateContacts', input));
      if (!result.ok) {
        this.error = result.error;
        return;
      }
      if (result.value.profile) {
        this.profile = result.value.profile;
        this.notice = { key: editing === 'email' ? 'profile.emailChanged' : 'profile.phoneChanged' };
      } else {
        this.notice = { key: 'profile.changeQueued', values: { reference: result.value.localReference } };
      }
      this.editor = 'none';
    } finally {
      this.saving = false;
    }
  }

  async setBills(change: { paperBill?: boolean; emailBill?: boolean }): Promise<void> {
    if (!this.profile || this.saving) return;
    const wanted = { paperBill: this.profile.paperBill, emailBill: this.profile.emailBill, ...change };
    this.saving = true;
    this.billsError = null;
    this.notice = null;
    try {
      const result = await kioskApp.track(callKiosk('profile.updateNotifications', wanted));
      if (!result.ok) {
        this.billsError = result.error;
        return;
      }
      if (result.value.profile) {
        this.profile = result.value.profile;
        this.notice = { key: 'profile.billsSaved' };
      } else {
        this.profile = { ...this.profile, ...wanted };
        this.notice = { key: 'profile.changeQueued', values: { reference: result.value.localReference } };
      }
    } finally {
      this.saving = false;
    }
  }

  async changePassword(): Promise<void> {
    if (this.saving) return;
    this.saving = true;
    this.error = null;
    try {
      const result = await kioskApp.track(
        callKiosk('profile.changePassword', {
          currentPassword: this.currentPassword,
          newPassword: this.newPassword,
          repeatPassword: this.repeatPassword,
        }),
      );
      if (!result.ok) {
        this.error = result.error;
        // A wrong current password is typed again; what the customer chose as the new one stays.
        if (result.error.billingCode === 'wrong-password' || result.error.code === 'locked-out') {
          this.currentPassword = '';
          this.activePasswordField = 'current';
        } else {
          // The first field, in the form's order, that the core complained about.
          const fields = result.error.fields ?? {};
          const first = (['current', 'new', 'repeat'] as const).find((field) => fields[`${field}Password`]);
          if (first) this.activePasswordField = first;
        }
        return;
      }
      this.clearSecrets();
      this.editor = 'none';
      this.notice = { key: 'profile.passwordChanged' };
    } finally {
      this.saving = false;
    }
  }

  /** Passwords are forgotten when the editor closes, after a change, and when the screen goes. */
  clearSecrets(): void {
    this.currentPassword = '';
    this.newPassword = '';
    this.repeatPassword = '';
    this.visible = { current: false, new: false, repeat: false };
  }
}
