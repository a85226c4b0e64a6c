// «Мои показания»: the readings the billing centre accepted, and those waiting at this terminal.
import { defineFeature } from '../feature';
import { readingsHistoryContract } from './readings-history-contract';
import { createReadingsHistoryHandlers } from './readings-history-handlers';

export const readingsHistoryFeature = defineFeature({
  name: 'readings-history',
  contract: readingsHistoryContract,
  createHandlers: createReadingsHistoryHandlers,
});
