// Customer login with the password, and logout.
import { z } from 'zod';
import { defineContract, defineMethod } from '../../core/api/contract';
import { accountNumberSchema, emptyInputSchema, passwordSchema } from '../../core/api/schemas';

export const sessionContract = defineContract({
  methods: {
    'session.login': defineMethod({
      name: 'session.login',
      audience: 'public',
      input: z.object({ accountNumber: accountNumberSchema, password: passwordSchema }).strict(),
      output: z.object({ accountNumber: accountNumberSchema }),
    }),
    /**
     * The screen was touched: the customer is still there. The renderer sends it now and then while
     * someone taps and types, so the core's own idle expiry never ends a visit the screen keeps.
     */
    'session.keepAlive': defineMethod({
      name: 'session.keepAlive',
      audience: 'public',
      input: emptyInputSchema,
      output: z.object({ active: z.boolean() }),
    }),
    'session.logout': defineMethod({
      name: 'session.logout',
      audience: 'public',
      input: emptyInputSchema,
      output: z.object({ loggedOut: z.literal(true) }),
    }),
  },
});
