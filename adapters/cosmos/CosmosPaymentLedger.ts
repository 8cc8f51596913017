import type { Container } from '@azure/cosmos';
import type { LedgerPayment } from '../../domain/bookkeeping/LedgerPayment.js';
import type { PaymentLedger } from '../../domain/bookkeeping/ports.js';
import type { Versioned } from '../../domain/person/ports.js';
import { CosmosVersionedStore } from './CosmosVersionedStore.js';
import { queryPages } from './queryPage.js';

const claimedPageSize = 5_000;

/**
 * [Bogføring] The payment ledger in Cosmos DB (container `payments`, partitioned by id, so a
 * deterministic id is unique and create-once holds). Run queries are cross-partition.
 */
export class CosmosPaymentLedger extends CosmosVersionedStore<LedgerPayment> implements PaymentLedger {
  constructor(container: Container) {
    super(container);
  }

  toPostUpTo(date: string, afterId: string, limit: number): Promise<Versioned<LedgerPayment>[]> {
    return this.queryVersioned({
      query: "SELECT TOP @limit * FROM c WHERE c.posting.state = 'to_post' AND c.paymentDate <= @date AND c.id > @afterId ORDER BY c.id",
      parameters: [
        { name: '@limit', value: limit },
        { name: '@date', value: date },
        { name: '@afterId', value: afterId },
      ],
    });
  }

  claimedBy(runId: string): AsyncIterable<LedgerPayment[]> {
    const query = { query: 'SELECT * FROM c WHERE c.posting.runId = @runId', parameters: [{ name: '@runId', value: runId }] };
    return queryPages<LedgerPayment>(this.container, query, claimedPageSize);
  }

  withoutAgreementKind(ofAgreementId: string): Promise<Versioned<LedgerPayment>[]> {
    return this.queryVersioned({
      query: "SELECT * FROM c WHERE c.agreementId = @agreementId AND NOT IS_DEFINED(c.agreementKind) AND c.posting.state = 'to_post'",
      parameters: [{ name: '@agreementId', value: ofAgreementId }],
    });
  }

  allOfPerson(personId: string): Promise<Versioned<LedgerPayment>[]> {
    return this.queryVersioned({ query: 'SELECT * FROM c WHERE c.personId = @personId', parameters: [{ name: '@personId', value: personId }] });
  }

  async ofPerson(personId: string, from: string, to: string): Promise<LedgerPayment[]> {
    const query = {
      query: 'SELECT * FROM c WHERE c.personId = @personId AND c.paymentDate >= @from AND c.paymentDate <= @to',
      parameters: [
        { name: '@personId', value: personId },
        { name: '@from', value: from },
        { name: '@to', value: to },
      ],
    };
    return (await this.queryVersioned(query)).map((stored) => stored.value);
  }
}
