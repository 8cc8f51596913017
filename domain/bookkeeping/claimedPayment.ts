import type { Ids } from '../shared/Ids.js';
import type { LedgerPayment } from './LedgerPayment.js';
import { type PostingDimensions, postingKeyOf } from './PostingLine.js';

/**
 * The ids of a run's lines: the same run and dimensions, the same line. Remembered per key, since
 * a run has thousands of lines but a million payments, and each id is a hash.
 */
export class PostingLineIds {
  private readonly known = new Map<string, string>();

  constructor(
    readonly runId: string,
    private readonly ids: Ids,
  ) {}

  of(dimensions: PostingDimensions): string {
    const key = postingKeyOf(dimensions);
    let id = this.known.get(key);
    if (id === undefined) {
      id = this.ids.fromKey(`posting-line:${this.runId}:${key}`);
      this.known.set(key, id);
    }
    return id;
  }
}

/** The payment as claimed by a run: on its line, with the dimensions it is posted with. */
export function claimedPayment(payment: LedgerPayment, dimensions: PostingDimensions, lineIds: PostingLineIds): LedgerPayment {
  return { ...payment, posting: { state: 'posted', runId: lineIds.runId, lineId: lineIds.of(dimensions), ...dimensions } };
}
