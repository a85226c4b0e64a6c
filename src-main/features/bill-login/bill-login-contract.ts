// «По квитанции — без пароля»: the customer with only the paper bill. The account number comes
// from the keypad or the bill scanner; the «код квитанции» printed on this month's bill proves
// the bill is in hand. A bill session may pay and submit readings, nothing more (see `bill-holder`).
import { z } from 'zod';
import { defineContract, defineMethod } from '../../core/api/contract';
import { accountNumberSchema, billingPeriodSchema, refusal } from '../../core/api/schemas';

/** The 4 digits printed on the bill beside the account number, new every month. */
export const billCodeSchema = z.string(refusal('billLogin.errors.codeDigits')).regex(/^\d{4}$/, refusal('billLogin.errors.codeDigits'));

export const billLoginContract = defineContract({
  methods: {
    'billSession.open': defineMethod({
      name: 'billSession.open',
      audience: 'public',
      input: z.object({ accountNumber: accountNumberSchema, billCode: billCodeSchema }).strict(),
      output: z.object({
        accountNumber: accountNumberSchema,
        /** The month of the bill the code was printed on. */
        billingPeriod: billingPeriodSchema,
      }),
    }),
    /** What the bill scanner typed (a payment QR or a 1D account barcode), read into an account number. */
    'billSession.readScan': defineMethod({
      name: 'billSession.readScan',
      audience: 'public',
      input: z.object({ scanned: z.string().max(2000, refusal('billLogin.scan.unreadable')) }).strict(),
      output: z.object({ accountNumber: accountNumberSchema }),
    }),
  },
});
