// «Личные данные»: masked contacts, their changes, bill delivery and the password change.
import { defineFeature } from '../feature';
import { profileContract } from './profile-contract';
import { createProfileHandlers } from './profile-handlers';
import { passwordChangeSubmission, profileSubmission } from './profile-submissions';

export const profileFeature = defineFeature({
  name: 'profile',
  contract: profileContract,
  createHandlers: createProfileHandlers,
  submissions: [profileSubmission, passwordChangeSubmission],
});
