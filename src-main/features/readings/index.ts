// «Передать показания»: meters, checks, write-ahead submission and its printed confirmation.
import { defineFeature } from '../feature';
import { readingsContract } from './readings-contract';
import { createReadingsHandlers } from './readings-handlers';
import { readingsConfirmationDocuments } from './readings-confirmation-document';
import { readingsSubmission } from './readings-submission';

export const readingsFeature = defineFeature({
  name: 'readings',
  contract: readingsContract,
  createHandlers: createReadingsHandlers,
  submissions: [readingsSubmission],
  createDocuments: readingsConfirmationDocuments,
  billHolderDocuments: ['readings-confirmation'],
});
