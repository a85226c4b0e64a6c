// Staff mode: PIN login, terminal status, outbox, print journal, assisted service, settings.
import { defineFeature } from '../feature';
import { staffContract } from './staff-contract';
import { createStaffHandlers } from './staff-handlers';

export const staffFeature = defineFeature({ name: 'staff', contract: staffContract, createHandlers: createStaffHandlers });
