import { randomUUID } from 'node:crypto';
import type { MirrorRecord } from '../../domain/mirror/MirrorRecord.js';
import type { CrmMirrorWriter, CrmWriteResult, ProjectedRecord } from '../../domain/projection/ports.js';
import type { Logger } from '../../domain/shared/Logger.js';
import { type Sleep, realSleep } from '../http/retryPolicy.js';
import { upsertBatchBody } from './batchRequest.js';
import { type BatchPartResponse, parseBatchResponse } from './batchResponse.js';
import type { DataverseClient } from './DataverseClient.js';
import { projectMirrorRecord } from './mirrorColumns.js';
import { type PacingPolicy, RequestPacer, defaultPacingPolicy, remainingRequests } from './pacing.js';

export interface DataverseMirrorWriterOptions {
  /** Upserts per `$batch`: default 100; Dataverse takes at most 1000. */
  batchSize?: number;
  /** How to wait for room in Dataverse's request window; defaults in `defaultPacingPolicy`. */
  pacing?: Partial<PacingPolicy>;
  sleep?: Sleep;
  nowMs?: () => number;
  logger?: Logger;
}

const maxBatchSize = 1000;

/**
 * [OnlineFundraising2][NFR-Throttle] The CRM side of the mirror projector on Dataverse. Records are
 * upserted (`PATCH <table>(<engine id>)`) in `$batch` requests, one batch at a time, each upsert a
 * request of its own under `Prefer: odata.continue-on-error`: one record that fails neither undoes
 * nor stops the others, and each gets its own result. A batch holds only upserts by id, so sending
 * it again is safe: the client resends it after a 429 (waiting Retry-After), a 5xx or a timeout.
 * Between batches the writer paces itself by the requests Dataverse says are left. When a batch
 * still fails as a whole, it and every batch after it report failure without being sent; those
 * records stay pending for the projector's next round.
 */
export class DataverseMirrorWriter implements CrmMirrorWriter {
  private readonly batchSize: number;
  private readonly pacer: RequestPacer;
  private readonly sleep: Sleep;
  private readonly nowMs: () => number;

  constructor(
    private readonly client: DataverseClient,
    private readonly options: DataverseMirrorWriterOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 100;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1 || this.batchSize > maxBatchSize) {
      throw new RangeError(`batchSize must be an integer from 1 to ${maxBatchSize}, not ${this.batchSize}`);
    }
    this.pacer = new RequestPacer({ ...defaultPacingPolicy, ...options.pacing });
    this.sleep = options.sleep ?? realSleep;
    this.nowMs = options.nowMs ?? Date.now;
  }

  project(record: MirrorRecord): ProjectedRecord {
    return projectMirrorRecord(record);
  }

  async writeMany(records: ProjectedRecord[]): Promise<CrmWriteResult[]> {
    const results: CrmWriteResult[] = [];
    for (let start = 0; start < records.length; start += this.batchSize) {
      const batch = records.slice(start, start + this.batchSize);
      try {
        results.push(...(await this.writeBatch(batch)));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        this.options.logger?.warn('Dataverse refused a $batch as a whole; the rest of the records stay pending', {
          written: results.length,
          notWritten: records.length - start,
          reason: reason.slice(0, 200),
        });
        const notWritten = records.slice(start).map((record) => ({ key: record.key, ok: false, error: `not written: ${reason}` }));
        return [...results, ...notWritten];
      }
    }
    return results;
  }

  private async writeBatch(batch: ProjectedRecord[]): Promise<CrmWriteResult[]> {
    const pauseMs = this.pacer.pauseMs(this.nowMs());
    if (pauseMs > 0) {
      this.options.logger?.info("Waiting for room in Dataverse's request limit before the next $batch", { pauseMs, records: batch.length });
      await this.sleep(pauseMs);
    }
    const boundary = `batch_${randomUUID()}`;
    const upserts = batch.map((record) => ({ url: `${this.client.apiUrl}/${record.key}`, columns: record.payload }));
    const response = await this.client.send('POST', '$batch', {
      text: upsertBatchBody(boundary, upserts),
      headers: { 'content-type': `multipart/mixed; boundary=${boundary}`, prefer: 'odata.continue-on-error' },
    });
    this.pacer.observe(remainingRequests(response.headers), this.nowMs());
    const answers = answersByRequest(parseBatchResponse(response.headers.get('content-type'), await response.text()));
    return batch.map((record, index) => resultOf(record, answers(index)));
  }
}

/** The answer to the `index`th request: by its Content-ID (index + 1) when the answers carry them, else by position. */
function answersByRequest(answers: BatchPartResponse[]): (index: number) => BatchPartResponse | undefined {
  if (!answers.some((answer) => answer.contentId !== undefined)) return (index) => answers[index];
  const byContentId = new Map(answers.map((answer) => [answer.contentId, answer]));
  return (index) => byContentId.get(String(index + 1));
}

function resultOf(record: ProjectedRecord, answer: BatchPartResponse | undefined): CrmWriteResult {
  if (!answer) return { key: record.key, ok: false, error: 'Dataverse gave no answer to this upsert in the $batch response' };
  if (answer.status >= 200 && answer.status < 300) return { key: record.key, ok: true };
  return { key: record.key, ok: false, error: `Dataverse answered ${answer.status}: ${errorMessage(answer.body)}` };
}

/** Dataverse's error body is `{ "error": { "code": "0x…", "message": "…" } }`. */
function errorMessage(body: string): string {
  try {
    const { error } = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    if (typeof error?.message === 'string') return typeof error.code === 'string' ? `${error.code} ${error.message}` : error.message;
  } catch {
    // not JSON: the body as it is
  }
  return body.slice(0, 500) || 'no error message';
}
