import type { Container } from '@azure/cosmos';
import type { EngagementRow, EngagementSources } from '../../domain/anonymisation/ports.js';
import { queryPages } from './queryPage.js';

export interface EngagementContainers {
  payments: Container;
  signatures: Container;
  formSubmissions: Container;
  consentLog: Container;
  mirror: Container;
}

const pageSize = 5_000;

/**
 * [CARE-Anon] Every person's acts, read in bulk: one query per store selecting only the person and
 * the dates (and what engagement.ts needs to tell acts apart), paged.
 */
export class CosmosEngagementSources implements EngagementSources {
  constructor(private readonly containers: EngagementContainers) {}

  async *rows(): AsyncIterable<EngagementRow[]> {
    const { payments, signatures, formSubmissions, consentLog, mirror } = this.containers;
    yield* mapped(payments, 'SELECT c.personId, c.paymentDate, c.amountOre FROM c WHERE IS_DEFINED(c.personId)', (row: { personId: string; paymentDate: string; amountOre: number }) => ({
      personId: row.personId,
      facts: { payments: [{ paymentDate: row.paymentDate, amountOre: row.amountOre }] },
    }));
    yield* mapped(signatures, 'SELECT c.personId, c.signedAt FROM c', (row: { personId: string; signedAt: string }) => ({ personId: row.personId, facts: { signatures: [{ signedAt: row.signedAt }] } }));
    yield* mapped(formSubmissions, 'SELECT c.personId, c.submittedAt FROM c', (row: { personId: string; submittedAt: string }) => ({
      personId: row.personId,
      facts: { formSubmissions: [{ submittedAt: row.submittedAt }] },
    }));
    yield* mapped(consentLog, 'SELECT c.personId, c.at, c.source, c.carriedFrom FROM c', (row: { personId: string; at: string; source: { kind: string }; carriedFrom?: string }) => ({
      personId: row.personId,
      facts: { consentEntries: [{ at: row.at, source: row.source, ...(row.carriedFrom && { carriedFrom: row.carriedFrom }) }] },
    }));
    const inboundSms = "SELECT c.personId, c.record.receivedAt FROM c WHERE c.entity = 'data_set' AND c.record.kind = 'sms_inbound' AND IS_DEFINED(c.personId)";
    yield* mapped(mirror, inboundSms, (row: { personId: string; receivedAt: string }) => ({ personId: row.personId, facts: { inboundSms: [{ receivedAt: row.receivedAt }] } }));
  }
}

async function* mapped<T>(container: Container, query: string, toRow: (row: T) => EngagementRow): AsyncIterable<EngagementRow[]> {
  for await (const page of queryPages<T>(container, query, pageSize)) yield page.map(toRow);
}
