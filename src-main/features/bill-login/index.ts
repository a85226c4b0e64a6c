// «По квитанции — без пароля»: a bill session opened with the account number and the bill's code.
import { defineFeature } from '../feature';
import { billLoginContract } from './bill-login-contract';
import { createBillLoginHandlers } from './bill-login-handlers';

export const billLoginFeature = defineFeature({
  name: 'bill-login',
  contract: billLoginContract,
  createHandlers: createBillLoginHandlers,
});
