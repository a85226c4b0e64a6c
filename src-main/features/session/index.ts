// Login to the personal account with the password, and logout.
import { defineFeature } from '../feature';
import { sessionContract } from './session-contract';
import { createSessionHandlers } from './session-handlers';

export const sessionFeature = defineFeature({ name: 'session', contract: sessionContract, createHandlers: createSessionHandlers });
