import { type RetryParkedPorts, retryParked } from '../../domain/identity/retryParked.js';
import type { TimerFunction } from './TimerFunction.js';

/** [CARE-Dedupe] Every 15 minutes: try parked data again; cases whose question went away close by themselves. */
export function parkedReviewsFunction(ports: RetryParkedPorts): TimerFunction {
  return {
    name: 'parkedDuplicateReviews',
    schedule: '0 */15 * * * *',
    handle: async () => {
      await retryParked(ports, { maxCases: 200 });
    },
  };
}
