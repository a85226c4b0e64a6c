// «Оплатить»: the invoice, the GOST payment QR code and the payment slip.
import { defineFeature } from '../feature';
import { payContract } from './pay-contract';
import { createPayHandlers } from './pay-handlers';
import { paymentSlipDocuments } from './payment-slip-document';

export const payFeature = defineFeature({
  name: 'pay',
  contract: payContract,
  createHandlers: createPayHandlers,
  createDocuments: paymentSlipDocuments,
  billHolderDocuments: ['payment-slip'],
});
