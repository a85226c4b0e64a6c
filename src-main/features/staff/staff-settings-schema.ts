// What the staff settings screen edits, as the kiosk API carries it: Node-free, so the staff
// contract (and through it the renderer's types) can use it. Checking and saving is staff-settings.ts.
import { z } from 'zod';
import { CODE_PAGES, COMMAND_SETS, STAFF_SETTINGS, type SettingName as DeclaredSettingName } from '../../core/config/config-fields';

/** What the staff screen edits; empty strings mean "none" (training mode, the receipts folder). */
export const editableSettingsSchema = z
  .object({
    officeName: z.string({ error: 'Укажите название офиса.' }).max(500, { error: 'Название офиса слишком длинное.' }),
    billingUrl: z.string({ error: 'Укажите адрес расчётного центра.' }).max(500, { error: 'Адрес слишком длинный.' }),
    billingTimeoutMs: z.number({ error: 'Укажите время ожидания расчётного центра числом.' }),
    printerInterface: z
      .string({ error: 'Укажите подключение принтера.' })
      .max(500, { error: 'Подключение принтера указано слишком длинно.' }),
    printerCommandSet: z.enum(COMMAND_SETS, { error: 'Выберите систему команд принтера: Epson или Star.' }),
    printerWidthMm: z.number({ error: 'Выберите ширину бумаги: 58 или 80 мм.' }),
    printerCodePage: z.enum(CODE_PAGES, { error: 'Выберите кодовую страницу: CP866 или WPC1251.' }),
    printerTimeoutMs: z.number({ error: 'Укажите время ожидания принтера числом.' }),
    idleTimeoutSeconds: z.number({ error: 'Укажите время бездействия числом.' }),
  } satisfies Record<DeclaredSettingName, z.ZodType>)
  .strict();
export type EditableSettings = z.infer<typeof editableSettingsSchema>;
export type SettingName = keyof EditableSettings;

export const SETTING_NAMES = STAFF_SETTINGS.map(({ name }) => name);
