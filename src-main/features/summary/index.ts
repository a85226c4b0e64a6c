// The home screen's summary of the account.
import { defineFeature } from '../feature';
import { summaryContract } from './summary-contract';
import { createSummaryHandlers } from './summary-handlers';

export const summaryFeature = defineFeature({ name: 'summary', contract: summaryContract, createHandlers: createSummaryHandlers });
