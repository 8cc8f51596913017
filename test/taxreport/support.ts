import { expect } from 'vitest';
import type { LocalStack } from '../../local/stack.js';
import type { staffCall } from '../sending/support.js';
import { eventually } from '../support/eventually.js';
import { queueDrained } from '../support/testStack.js';

/** An income year's figures as finance enters them: made-up round numbers, not SKAT's. */
export const rules2026 = {
  gifts: { deductionLimitOre: 1_800_000, minimumReportedOre: 20_000 },
  ongoing: { deductionLimitOre: 2_000_000, minimumReportedOre: 0, campaignCodes: ['DON_WEB_NRF_12'] },
  membershipFeeOre: 29_000,
  excludedCampaignCodes: ['GC_MEM'],
};

/** A giver in OF (contact `<prefix>-c`) with one payment under an agreement of the given type, notified to the engine. */
export async function giver(stack: LocalStack, prefix: string, type: 'membership' | 'one_off_donation', amount: number, code: string, paidDate = '2026-03-10'): Promise<void> {
  const of = stack.onlineFundraising;
  of.put('contact', `${prefix}-c`, { first_name: 'Ida', last_name: prefix, email: `${prefix}@example.dk` } as never);
  of.put('agreement', `${prefix}-a`, { contact_id: `${prefix}-c`, type, status: 'active', contribution_code: code } as never);
  of.put('payment', `${prefix}-p`, { contact_id: `${prefix}-c`, agreement_id: `${prefix}-a`, amount, status: 'confirmed', channel: 'card', paid_date: paidDate, contribution_code: code } as never);
  for (const entity of ['contact', 'agreement', 'payment'] as const) await of.sendWebhook({ entity, entityId: `${prefix}-${entity[0]}`, event: 'created' });
  await queueDrained(stack, 'of-notifications');
}

/** Waits for a job run to complete and answers it. */
export async function completedRun(call: ReturnType<typeof staffCall>, runId: string): Promise<{ status: string; counts: Record<string, number>; progress: { done: number; unit: string } }> {
  return eventually(async () => {
    const seen = (await (await call('GET', `/admin/jobs/runs/${runId}`, undefined, 'Administrator')).json()) as { status: string; counts: Record<string, number>; progress: { done: number; unit: string } };
    expect(seen.status).toBe('completed');
    return seen;
  });
}
