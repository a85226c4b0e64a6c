// Training mode's demo paper bills (ЕПД) for staff: shown on screen and printed, to log in «По квитанции» with.
import { defineFeature } from '../feature';
import { trainingBillContract } from './training-bill-contract';
import { createTrainingBillHandlers } from './training-bill-handlers';

export const trainingBillFeature = defineFeature({
  name: 'training-bill',
  contract: trainingBillContract,
  createHandlers: createTrainingBillHandlers,
});
