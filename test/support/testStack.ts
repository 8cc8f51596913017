import { QueueClient } from '@azure/storage-queue';
import { expect } from 'vitest';
import type { RetryPolicy } from '../../adapters/http/retryPolicy.js';
import { settableClock } from '../../adapters/system/settableClock.js';
import { uuidIds } from '../../adapters/system/UuidIds.js';
import { personIdForOnlineFundraisingContact } from '../../domain/person/personFromOnlineFundraisingContact.js';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '../../local/stack.js';
import { localSignIn, localStaff } from '../../local/simulators/signin/localStaff.js';
import { eventually } from './eventually.js';

/** Retries short enough for tests, long enough to wait out a 1-second Retry-After. */
export const testRetryPolicy: RetryPolicy = { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50, timeoutMs: 5_000, maxRetryAfterMs: 5_000 };

/**
 * The instant every test stack starts at unless a test brings its own clock: business dates in tests
 * (a refund's day, a posting period, a gift year) follow it, never the machine's date.
 */
export const testStackStartsAt = '2026-11-25T10:00:00Z';

/**
 * The whole local stack on free ports, in memory, polling its queues often, on a clock that starts at
 * `testStackStartsAt` (or the test's own); timers run only when a test calls them, and the sender
 * does not pause between messages.
 */
export function startTestStack(options: LocalStackOptions = {}) {
  return startLocalStack({
    retryPolicy: testRetryPolicy,
    queue: { minPollIntervalMs: 20, maxPollIntervalMs: 200 },
    runTimers: false,
    clock: settableClock(testStackStartsAt),
    // Failed work comes round again after a second, and is given up after 6 hours on the stack's clock.
    queueRetryPolicy: { delaysSeconds: [1], giveUpAfterMs: 6 * 60 * 60_000 },
    // The sender's pacing waits in real time; tests see the rate in how much each round sends.
    senderWait: async () => {},
    ...options,
  });
}

/** Local colleagues by role (see local/simulators/signin/localStaff.ts); `Integration` is the local integration app. */
export type ColleagueRole = keyof typeof localStaff | 'Integration';

/**
 * Headers of a staff call: a fresh access token from the stack's sign-in simulator for the local
 * colleague with `role` (default Administrator; in the fundraising team unless `teams` says otherwise), issued on the stack's clock so it is valid whatever
 * the test has set the clock to.
 */
export async function adminHeaders(stack: LocalStack, role: ColleagueRole = 'Administrator', teams?: string[]): Promise<Record<string, string>> {
  const token =
    role === 'Integration'
      ? await stack.signIn.tokenFor({ app: true, oid: localSignIn.integrationObjectId, username: localSignIn.integrationClientId, roles: ['Integration'] })
      : await stack.signIn.tokenForColleague(role, teams);
  return { authorization: `Bearer ${token}` };
}

export function personIdOf(ofContactId: string): string {
  return personIdForOnlineFundraisingContact(uuidIds, ofContactId);
}

/** Resolves once the queue holds no message, visible or in processing (a message is deleted only after its function succeeded). */
export async function queueDrained(stack: LocalStack, queueName: string): Promise<void> {
  const queue = new QueueClient(stack.azurite.connectionString, queueName);
  await eventually(async () => expect((await queue.getProperties()).approximateMessagesCount).toBe(0));
}

/** How a local colleague's actions are signed in the records (`actorReference`): "Name <object id>". */
export function colleagueReference(role: keyof typeof localStaff): string {
  return `${localStaff[role].name} <${localStaff[role].oid}>`;
}
