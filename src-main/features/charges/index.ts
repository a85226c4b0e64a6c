// «Начисления и платежи»: the current period and a checked statement, on screen and on paper.
import { defineFeature } from '../feature';
import { chargesContract } from './charges-contract';
import { createChargesHandlers } from './charges-handlers';
import { statementDocuments } from './statement-document';

export const chargesFeature = defineFeature({
  name: 'charges',
  contract: chargesContract,
  createHandlers: createChargesHandlers,
  createDocuments: statementDocuments,
});
