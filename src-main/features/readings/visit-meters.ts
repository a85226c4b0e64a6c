// The meters of the customer's visit (core/session/visit-copy.ts): «Передать показания» fetches
// them when the screen opens; the submission a minute later checks against that copy instead of
// asking again.
import type { MetersResponse } from '../../core/billing/billing-wire';

/**
 * How long a fetched copy stands in for a new request. A customer types and sends a reading within
 * a minute or two of opening the screen. What the copy holds changes when readings are registered
 * (this terminal adds its own, see `withSubmission`) or when the office changes a meter, which a
 * visit this short will hardly meet; the billing centre checks the readings again on delivery
 * anyway. A visit kept going longer by taps fetches afresh for its submission.
 */
export const METERS_REUSE_MS = 2 * 60 * 1000;

type Submission = MetersResponse['submissions'][number];

/**
 * The meters answer as the billing centre gives it once it registered `submission`: this month's
 * submissions newest first, the new one on top. Nothing else moves: the last reading and the average
 * are those of the months before (a correction is judged against last month's reading, too).
 */
export function withSubmission(response: MetersResponse, submission: Submission): MetersResponse {
  return { ...response, submissions: [submission, ...response.submissions] };
}
