import type { Container } from '@azure/cosmos';
import { forEachConcurrently } from '../../domain/shared/forEachConcurrently.js';
import type { PostingLine } from '../../domain/bookkeeping/PostingLine.js';
import type { PostingRun } from '../../domain/bookkeeping/PostingRun.js';
import type { PostingRuns } from '../../domain/bookkeeping/ports.js';
import { CosmosVersionedStore } from './CosmosVersionedStore.js';
import { withoutSystemProperties } from './documents.js';

/** Lines written at once; a run has one line per day × contra account × budget line × project × account. */
const linesAtOnce = 16;

/**
 * [Bogføring] Posting runs (container `posting-runs`, by id) and their lines (container
 * `posting-lines`, one partition per run, so a run's lines are read from one partition).
 */
export class CosmosPostingRuns implements PostingRuns {
  private readonly runs: CosmosVersionedStore<PostingRun>;

  constructor(
    private readonly runContainer: Container,
    private readonly lineContainer: Container,
  ) {
    this.runs = new CosmosVersionedStore<PostingRun>(runContainer);
  }

  get(id: string) {
    return this.runs.get(id);
  }

  save(run: PostingRun, etag?: string) {
    return this.runs.save(run, etag);
  }

  async list(): Promise<PostingRun[]> {
    const { resources } = await this.runContainer.items.query<PostingRun & Record<string, unknown>>('SELECT * FROM c ORDER BY c["from"] DESC').fetchAll();
    return resources.map((document) => withoutSystemProperties<PostingRun>(document));
  }

  async saveLines(lines: PostingLine[]): Promise<void> {
    await forEachConcurrently(lines, linesAtOnce, (line) => this.lineContainer.items.upsert(line));
  }

  async lines(runId: string): Promise<PostingLine[]> {
    const query = { query: 'SELECT * FROM c WHERE c.runId = @runId ORDER BY c.lineNumber', parameters: [{ name: '@runId', value: runId }] };
    const { resources } = await this.lineContainer.items.query<PostingLine & Record<string, unknown>>(query, { partitionKey: runId }).fetchAll();
    return resources.map((document) => withoutSystemProperties<PostingLine>(document));
  }
}
