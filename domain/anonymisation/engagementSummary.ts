import { type EngagementFacts, lastEngagement } from './engagement.js';
import type { EngagementSources } from './ports.js';

/** [CARE-Anon] A person's last engagement and last payment (business dates), what segments and the schedule decide on. */
export interface EngagementSummary {
  lastEngagement?: string;
  lastPayment?: string;
}

const noFacts: EngagementFacts = { payments: [], signatures: [], formSubmissions: [], consentEntries: [], inboundSms: [] };

/** The summary of one person's facts (engagement.ts decides what counts). */
export function summaryOf(facts: Partial<EngagementFacts>): EngagementSummary {
  const complete = { ...noFacts, ...facts };
  const last = lastEngagement(complete)?.on;
  const lastPayment = lastEngagement({ ...noFacts, payments: complete.payments })?.on;
  return { ...(last && { lastEngagement: last }), ...(lastPayment && { lastPayment }) };
}

/**
 * Everyone's summary at once, folded from the stores' acts page by page: a few large reads instead
 * of a handful of queries per person. The latest of each person's rows is the latest of their acts.
 */
export async function summariseEngagement(ports: { engagementSources: EngagementSources }): Promise<Map<string, EngagementSummary>> {
  const summaries = new Map<string, EngagementSummary>();
  for await (const rows of ports.engagementSources.rows()) {
    for (const { personId, facts } of rows) {
      const row = summaryOf(facts);
      const held = summaries.get(personId) ?? {};
      summaries.set(personId, { ...later('lastEngagement', held, row), ...later('lastPayment', held, row) });
    }
  }
  return summaries;
}

function later<K extends keyof EngagementSummary>(key: K, a: EngagementSummary, b: EngagementSummary): EngagementSummary {
  const dates = [a[key], b[key]].filter((date): date is string => date !== undefined).sort();
  return dates.length > 0 ? { [key]: dates.at(-1) } : {};
}
