import type { Versioned } from '../person/ports.js';
import { forEachConcurrently } from '../shared/forEachConcurrently.js';
import type { Ids } from '../shared/Ids.js';
import type { LedgerPayment } from './LedgerPayment.js';
import { type PostingContext, postingDimensionsFor } from './postingDimensionsFor.js';
import { PostingLineIds, claimedPayment } from './claimedPayment.js';
import type { PostingRun } from './PostingRun.js';
import type { PaymentLedger } from './ports.js';

export interface ClaimOutcome {
  /** The last payment looked at; the next step starts after it. */
  lastId?: string;
  lookedAt: number;
  held: { paymentId: string; reason: string }[];
}

const claimsAtOnce = 16;

/**
 * [Bogføring] Claims up to `limit` payments to post for the run: each gets the run, its line and
 * the dimensions it is posted with, by an ETag-conditional write, so a payment claimed by another
 * run (or changed meanwhile) is never in two lines. Payments without dimensions are held.
 */
export async function claimPayments(run: PostingRun, context: PostingContext, limit: number, ports: { ledger: PaymentLedger; ids: Ids }): Promise<ClaimOutcome> {
  const page = await ports.ledger.toPostUpTo(run.to, run.claimedUpTo, limit);
  const held: ClaimOutcome['held'] = [];
  const lineIds = new PostingLineIds(run.id, ports.ids);
  await forEachConcurrently(page, claimsAtOnce, async (candidate) => {
    const reason = await claimOne(candidate, lineIds, context, ports);
    if (reason) held.push(reason);
  });
  const lastId = page.at(-1)?.value.id;
  return { ...(lastId && { lastId }), lookedAt: page.length, held };
}

async function claimOne(candidate: Versioned<LedgerPayment>, lineIds: PostingLineIds, context: PostingContext, ports: { ledger: PaymentLedger }) {
  let current: Versioned<LedgerPayment> | null = candidate;
  for (let attempt = 1; current && current.value.posting.state === 'to_post' && attempt <= 5; attempt++) {
    const outcome = postingDimensionsFor(current.value, context);
    if ('held' in outcome) return { paymentId: current.value.id, reason: outcome.held };
    if ((await ports.ledger.replace(claimedPayment(current.value, outcome.dimensions, lineIds), current.etag)) === 'replaced') return undefined;
    current = await ports.ledger.get(current.value.id);
  }
  return undefined;
}
