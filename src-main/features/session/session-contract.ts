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
    'session.logout': defineMethod({
      name: 'session.logout',
      audience: 'public',
      input: emptyInputSchema,
      output: z.object({ loggedOut: z.literal(true) }),
    }),
  },
});
