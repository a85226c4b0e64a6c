// Registration in the personal account, before anyone logs in.
import { defineFeature } from '../feature';
import { registrationContract } from './registration-contract';
import { createRegistrationHandlers } from './registration-handlers';

export const registrationFeature = defineFeature({
  name: 'registration',
  contract: registrationContract,
  createHandlers: createRegistrationHandlers,
});
