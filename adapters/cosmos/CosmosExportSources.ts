import type { Container, SqlQuerySpec } from '@azure/cosmos';
import type { Campaign } from '../../domain/bookkeeping/Campaign.js';
import type { LedgerPayment } from '../../domain/bookkeeping/LedgerPayment.js';
import type { ConsentEntry } from '../../domain/consent/ConsentEntry.js';
import type { ExportSources } from '../../domain/datasets/exportPorts.js';
import { postcodeMunicipalitiesId, type PostcodeMunicipalities } from '../../domain/datasets/PostcodeMunicipalities.js';
import type { AgreementPaymentState } from '../../domain/dunning/AgreementPaymentState.js';
import type { Person } from '../../domain/person/Person.js';
import type { Signature } from '../../domain/signatures/Signature.js';
import type { CampaignCatalogue } from '../../domain/bookkeeping/ports.js';
import type { OutboundMessage } from '../../domain/sending/OutboundMessage.js';
import type { SendStatistics } from '../../domain/delivery/SendStatistics.js';
import { addMonths } from '../../domain/shared/businessDates.js';
import { startOfCopenhagenDay } from '../../domain/shared/startOfCopenhagenDay.js';
import { copenhagenDateOf } from '../../domain/shared/copenhagenDate.js';
import { queryPages } from './queryPage.js';

const pageSize = 5_000;

export interface ExportContainers {
  payments: Container;
  persons: Container;
  agreementStates: Container;
  signatures: Container;
  consentLog: Container;
  engineState: Container;
  outboundMessages: Container;
}

/**
 * [Rapportering1] The datasets' sources in Cosmos DB, each read page by page in the order of its
 * partition date (cross-partition ORDER BY, served by the default range index).
 */
export class CosmosExportSources implements ExportSources {
  constructor(
    private readonly containers: ExportContainers,
    private readonly campaignCatalogue: Pick<CampaignCatalogue, 'all'>,
  ) {}

  payments(range?: { from: string; to: string }): AsyncIterable<LedgerPayment[]> {
    const query = range
      ? { query: 'SELECT * FROM c WHERE c.paymentDate >= @from AND c.paymentDate <= @to ORDER BY c.paymentDate', parameters: [{ name: '@from', value: range.from }, { name: '@to', value: range.to }] }
      : 'SELECT * FROM c ORDER BY c.paymentDate';
    return pages<LedgerPayment>(this.containers.payments, query);
  }

  async paymentDatesChangedSince(since: string): Promise<string[]> {
    const dates: string[] = [];
    const query = { query: 'SELECT c.paymentDate FROM c WHERE c.updatedAt > @since', parameters: [{ name: '@since', value: since }] };
    for await (const page of pages<{ paymentDate: string }>(this.containers.payments, query)) for (const { paymentDate } of page) dates.push(paymentDate);
    return dates;
  }

  persons(): AsyncIterable<Person[]> {
    return pages<Person>(this.containers.persons, 'SELECT * FROM c WHERE NOT IS_DEFINED(c.mergedInto) AND NOT IS_DEFINED(c.anonymisation) ORDER BY c.createdAt');
  }

  agreements(): AsyncIterable<AgreementPaymentState[]> {
    return pages<AgreementPaymentState>(this.containers.agreementStates, 'SELECT * FROM c WHERE IS_DEFINED(c.startDate) ORDER BY c.startDate');
  }

  signatures(): AsyncIterable<Signature[]> {
    return pages<Signature>(this.containers.signatures, 'SELECT * FROM c ORDER BY c.signedAt');
  }

  consentEntries(): AsyncIterable<ConsentEntry[]> {
    return pages<ConsentEntry>(this.containers.consentLog, 'SELECT * FROM c ORDER BY c.at');
  }

  campaigns(): Promise<Campaign[]> {
    return this.campaignCatalogue.all();
  }

  /** Send statistics live in `engine-state` beside other small documents; they are the ones with a `sendId`. */
  sends(month?: string): AsyncIterable<SendStatistics[]> {
    if (!month) return pages<SendStatistics>(this.containers.engineState, 'SELECT * FROM c WHERE IS_DEFINED(c.sendId) ORDER BY c.updatedAt');
    const from = startOfCopenhagenDay(`${month}-01`).toISOString();
    const to = startOfCopenhagenDay(addMonths(`${month}-01`, 1)).toISOString();
    const query = { query: 'SELECT * FROM c WHERE IS_DEFINED(c.sendId) AND c.updatedAt >= @from AND c.updatedAt < @to ORDER BY c.updatedAt', parameters: [{ name: '@from', value: from }, { name: '@to', value: to }] };
    return pages<SendStatistics>(this.containers.engineState, query);
  }

  async sendDaysChangedSince(since: string): Promise<string[]> {
    const days: string[] = [];
    const query = { query: 'SELECT c.updatedAt FROM c WHERE IS_DEFINED(c.sendId) AND c.updatedAt > @since', parameters: [{ name: '@since', value: since }] };
    for await (const page of pages<{ updatedAt: string }>(this.containers.engineState, query)) for (const { updatedAt } of page) days.push(copenhagenDateOf(new Date(updatedAt)));
    return days;
  }

  messages(month: string): AsyncIterable<OutboundMessage[]> {
    return pages<OutboundMessage>(this.containers.outboundMessages, { query: 'SELECT * FROM c WHERE ARRAY_CONTAINS(c.eventMonths, @month)', parameters: [{ name: '@month', value: month }] });
  }

  async messageMonthsChangedSince(since?: string): Promise<string[]> {
    const months = new Set<string>();
    const query = { query: 'SELECT c.eventMonths FROM c WHERE IS_DEFINED(c.eventMonths) AND c.updatedAt > @since', parameters: [{ name: '@since', value: since ?? '' }] };
    for await (const page of pages<{ eventMonths: string[] }>(this.containers.outboundMessages, query)) for (const { eventMonths } of page) for (const month of eventMonths) months.add(month);
    return [...months].sort();
  }

  async municipalities(): Promise<Map<string, string>> {
    const { resource } = await this.containers.engineState.item(postcodeMunicipalitiesId, postcodeMunicipalitiesId).read<PostcodeMunicipalities>();
    return new Map(Object.entries(resource?.municipalityOfPostcode ?? {}));
  }
}

function pages<T>(container: Container, query: string | SqlQuerySpec): AsyncIterable<T[]> {
  return queryPages<T>(container, query, pageSize);
}
