// Field schemas shared by several kiosk API methods, with the customer-facing Russian message for
// each refusal (the renderer shows these next to the field).
import { z } from 'zod';

/** A 9-digit personal account number (лицевой счёт). */
export const accountNumberSchema = z
  .string({ error: 'Введите номер лицевого счёта' })
  .regex(/^\d{9}$/, { error: 'Номер лицевого счёта состоит из 9 цифр' });

export const passwordSchema = z
  .string({ error: 'Введите пароль' })
  .min(1, { error: 'Введите пароль' })
  .max(128, { error: 'Пароль слишком длинный' });

/** Money is integer kopecks everywhere except the formatter. */
export const kopecksSchema = z.number().int();

/** A calendar date as ISO `YYYY-MM-DD`. */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A billing period as ISO `YYYY-MM`. */
export const billingPeriodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, {
  error: 'Укажите месяц в формате ГГГГ-ММ',
});

export const emptyInputSchema = z.object({}).strict();
