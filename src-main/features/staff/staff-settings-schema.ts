// What the staff settings screen edits, as the kiosk API carries it: Node-free, so the staff
// contract (and through it the renderer's types) can use it. Checking and saving is staff-settings.ts.
import { z } from 'zod';
import { refusal } from '../../core/api/schemas';
import { CODE_PAGES, COMMAND_SETS, STAFF_SETTINGS, type SettingName as DeclaredSettingName } from '../../core/config/config-fields';

/** What the staff screen edits; empty strings mean "none" (training mode, the receipts folder). */
export const editableSettingsSchema = z
  .object({
    officeName: z.string(refusal('staff.settings.schema.officeNameRequired')).max(500, refusal('staff.settings.schema.officeNameTooLong')),
    billingUrl: z.string(refusal('staff.settings.schema.billingUrlRequired')).max(500, refusal('staff.settings.schema.billingUrlTooLong')),
    billingTimeoutMs: z.number(refusal('staff.settings.schema.billingTimeoutNumber')),
    printerInterface: z.string(refusal('staff.settings.schema.printerRequired')).max(500, refusal('staff.settings.schema.printerTooLong')),
    printerCommandSet: z.enum(COMMAND_SETS, refusal('staff.settings.errors.printerCommandSet')),
    printerWidthMm: z.number(refusal('staff.settings.schema.printerWidth')),
    printerCodePage: z.enum(CODE_PAGES, refusal('staff.settings.errors.printerCodePage')),
    printerTimeoutMs: z.number(refusal('staff.settings.schema.printerTimeoutNumber')),
    idleTimeoutSeconds: z.number(refusal('staff.settings.schema.idleTimeoutNumber')),
  } satisfies Record<DeclaredSettingName, z.ZodType>)
  .strict();
export type EditableSettings = z.infer<typeof editableSettingsSchema>;
export type SettingName = keyof EditableSettings;

export const SETTING_NAMES = STAFF_SETTINGS.map(({ name }) => name);
