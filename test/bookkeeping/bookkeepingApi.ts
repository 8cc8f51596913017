import { expect } from 'vitest';
import type { LedgerPayment } from '../../domain/bookkeeping/LedgerPayment.js';
import type { PostingLine } from '../../domain/bookkeeping/PostingLine.js';
import type { PostingRun } from '../../domain/bookkeeping/PostingRun.js';
import type { SettableClock } from '../../adapters/system/settableClock.js';
import type { LocalStack } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { adminHeaders, personIdOf } from '../support/testStack.js';

/**
 * The engine's bookkeeping admin API, as finance and member service use it. Given the stack's
 * settable clock, waiting for a run also plays the resumer: a failed run due again has the clock moved
 * to its `nextAttemptAt` and the resumer timer fired, as the minutes would do in Azure.
 */
export function bookkeepingApi(stack: LocalStack, clock?: SettableClock) {
  const call = async (method: string, path: string, body?: unknown, contentType = 'application/json') => {
    const response = await fetch(`${stack.engineUrl}${path}`, {
      method,
      headers: { ...(await adminHeaders(stack)), ...(body !== undefined && { 'content-type': contentType }) },
      ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, text, json: () => JSON.parse(text) as Record<string, unknown> & Record<string, any> };
  };
  const api = {
    call,
    async saveChart(ledgerOpensOn = '2026-01-01') {
      const current = (await call('GET', '/admin/bookkeeping/chart')).json();
      const { id: _id, updatedAt: _updatedAt, saved: _saved, ...chart } = current;
      expect((await call('PUT', '/admin/bookkeeping/chart', { ...chart, ledgerOpensOn })).status).toBe(200);
    },
    async saveCampaign(code: string, campaign: Record<string, unknown>) {
      const response = await call('PUT', `/admin/campaigns/${encodeURIComponent(code)}`, campaign);
      expect(response.status, response.text).toBe(200);
    },
    async paymentsOf(ofContactId: string, year = 2026): Promise<LedgerPayment[]> {
      return (await call('GET', `/admin/persons/${personIdOf(ofContactId)}/gift-total?year=${year}`)).json().payments;
    },
    async giftTotal(ofContactId: string, year = 2026): Promise<number> {
      return (await call('GET', `/admin/persons/${personIdOf(ofContactId)}/gift-total?year=${year}`)).json().deductibleOre;
    },
    async startRun(from: string, to: string) {
      return call('POST', '/admin/posting-runs', { from, to, requestedBy: 'finance@ms.dk' });
    },
    /** Starts the run and waits until it is completed (or failed for good, if `until` says so). */
    async completedRun(from: string, to: string, until: PostingRun['status'] = 'completed'): Promise<PostingRun> {
      const started = await api.startRun(from, to);
      expect([200, 202], started.text).toContain(started.status);
      return api.runReaching(started.json().id as string, until);
    },
    async runReaching(id: string, until: PostingRun['status']): Promise<PostingRun> {
      return eventually(async () => {
        const run = (await call('GET', `/admin/posting-runs/${id}`)).json() as unknown as PostingRun;
        if (clock && run.status === 'failed' && run.nextAttemptAt) await api.resumeWhenDue(run);
        expect(run.status).toBe(until);
        if (until === 'failed') expect(run.nextAttemptAt).toBeUndefined();
        return run;
      }, 30_000);
    },
    /** Moves the clock to the failed run's next attempt and fires the resumer timer. */
    async resumeWhenDue(run: PostingRun) {
      if (run.nextAttemptAt! > clock!.now().toISOString()) clock!.set(run.nextAttemptAt!);
      await stack.engine.timerFunctions.find((fn) => fn.name === 'postingRunResumer')!.handle();
    },
    async lines(runId: string): Promise<PostingLine[]> {
      return (await call('GET', `/admin/posting-runs/${runId}/lines`)).json().lines;
    },
  };
  return api;
}
