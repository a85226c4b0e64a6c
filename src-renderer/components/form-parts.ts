// The parts every keyed-in form is built from, in one import: its fields, the keys' column, the
// form's alert (a login's with its lockout countdown) and its row of buttons.
export { default as ActionRow } from './action-row.svelte';
export { default as EmailKeyboard } from './email-keyboard.svelte';
export { default as EntryLayout } from './entry-layout.svelte';
export { default as FormAlert } from './form-alert.svelte';
export { default as InputPad } from './input-pad.svelte';
export { default as KeyedField } from './keyed-field.svelte';
export { default as LockoutAlert } from './lockout-alert.svelte';
