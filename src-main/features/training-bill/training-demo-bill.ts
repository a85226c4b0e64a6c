// What training mode's billing centre hands the kiosk of a fixed demo account's last paper bill
// (ЕПД): the invoice a bank would be paid against, the «код квитанции» printed beside the account
// number, and the activation code while the account is not registered.
import type { Invoice } from '../../core/billing/billing-wire';
import type { DemoBillAccountName } from './training-bill-contract';

export interface TrainingDemoBill {
  demoName: DemoBillAccountName;
  billCode: string;
  /** Null once the account is registered (the bill prints it only for registering). */
  activationCode: string | null;
  invoice: Invoice;
}
