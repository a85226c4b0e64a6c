// The billing client's refusal of a call a test expects the billing centre to refuse.
import { BillingError } from '../../src-main/core/billing/billing-error';

/** The BillingError `promise` rejects with; fails the test if it resolves or rejects otherwise. */
export async function billingRefusal(promise: Promise<unknown>): Promise<BillingError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BillingError) return error;
    throw error;
  }
  throw new Error('the billing centre accepted what it should have refused');
}
