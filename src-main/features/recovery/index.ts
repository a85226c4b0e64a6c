// Password recovery («Забыли пароль»), before anyone logs in.
import { defineFeature } from '../feature';
import { recoveryContract } from './recovery-contract';
import { createRecoveryHandlers } from './recovery-handlers';

export const recoveryFeature = defineFeature({
  name: 'recovery',
  contract: recoveryContract,
  createHandlers: createRecoveryHandlers,
});
