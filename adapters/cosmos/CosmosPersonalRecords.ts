import type { Container, SqlQuerySpec } from '@azure/cosmos';
import type { PersonalRecords } from '../../domain/anonymisation/ports.js';
import type { FormSubmissionRecord } from '../../domain/forms/FormSubmissionRecord.js';
import { hasStatus, withoutSystemProperties } from './documents.js';

export interface PersonalRecordContainers {
  consentLog: Container;
  formSubmissions: Container;
  marketingLists: Container;
  segmentMembers: Container;
  duplicateReviews: Container;
  automationTriggers: Container;
  payments: Container;
  memberServiceTasks: Container;
}

/**
 * [GDPR1] Erases a person's records from the containers that hold them, each by one query on the
 * person's id (one partition for the consent log; an indexed filter elsewhere) and a point delete
 * per record found. A record already gone counts as erased.
 */
export class CosmosPersonalRecords implements PersonalRecords {
  constructor(private readonly containers: PersonalRecordContainers) {}

  eraseConsentLog(personId: string): Promise<number> {
    return eraseFound(this.containers.consentLog, byPerson('personId', personId), personId);
  }

  async eraseFormSubmissions(personId: string): Promise<number> {
    const query = { query: 'SELECT * FROM c WHERE c.personId = @personId', parameters: [{ name: '@personId', value: personId }] };
    const { resources } = await this.containers.formSubmissions.items.query<FormSubmissionRecord & Record<string, unknown>>(query).fetchAll();
    const filled = resources.map((document) => withoutSystemProperties<FormSubmissionRecord>(document)).filter((record) => Object.keys(record.fields).length > 0);
    for (const record of filled) await this.containers.formSubmissions.items.upsert({ ...record, fields: {} });
    return filled.length;
  }

  eraseMarketingListMemberships(personId: string): Promise<number> {
    return eraseFound(this.containers.marketingLists, byPerson('list', personId));
  }

  eraseSegmentMemberships(personId: string): Promise<number> {
    return eraseFound(this.containers.segmentMembers, byPerson('runId', personId));
  }

  eraseDuplicateReviews(personId: string): Promise<number> {
    const query = { query: 'SELECT c.id, c.id AS partitionKey FROM c WHERE c.incomingPersonId = @personId', parameters: [{ name: '@personId', value: personId }] };
    return eraseFound(this.containers.duplicateReviews, query);
  }

  eraseAutomationTriggers(personId: string): Promise<number> {
    return eraseFound(this.containers.automationTriggers, byPerson('id', personId));
  }

  eraseMemberServiceTasks(personId: string): Promise<number> {
    return eraseFound(this.containers.memberServiceTasks, byPerson('id', personId));
  }

  async erasePayments(paymentIds: readonly string[]): Promise<number> {
    let erased = 0;
    for (const id of paymentIds) erased += await deleteItem(this.containers.payments, id, id);
    return erased;
  }
}

/** The ids (and partition keys) of a person's records, where the record names the person in `personId`. */
function byPerson(partitionKeyField: string, personId: string): SqlQuerySpec {
  // The field name is one of the fixed names above, never caller text.
  return { query: `SELECT c.id, c.${partitionKeyField} AS partitionKey FROM c WHERE c.personId = @personId`, parameters: [{ name: '@personId', value: personId }] };
}

async function eraseFound(container: Container, query: SqlQuerySpec, partitionKey?: string): Promise<number> {
  const { resources } = await container.items.query<{ id: string; partitionKey: string }>(query, partitionKey !== undefined ? { partitionKey } : {}).fetchAll();
  let erased = 0;
  for (const found of resources) erased += await deleteItem(container, found.id, found.partitionKey);
  return erased;
}

async function deleteItem(container: Container, id: string, partitionKey: string): Promise<number> {
  try {
    await container.item(id, partitionKey).delete();
    return 1;
  } catch (error) {
    if (hasStatus(error, 404)) return 0;
    throw error;
  }
}
