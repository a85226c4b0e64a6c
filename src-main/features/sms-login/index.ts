// «Войти по коду из SMS»: a full login with a one-time code sent to the phone on file.
import { defineFeature } from '../feature';
import { smsLoginContract } from './sms-login-contract';
import { createSmsLoginHandlers } from './sms-login-handlers';

export const smsLoginFeature = defineFeature({
  name: 'sms-login',
  contract: smsLoginContract,
  createHandlers: createSmsLoginHandlers,
});
