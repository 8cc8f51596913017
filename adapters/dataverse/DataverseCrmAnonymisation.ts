import type { CrmAnonymisation } from '../../domain/anonymisation/ports.js';
import type { Clock } from '../../domain/shared/Clock.js';
import { copenhagenDateOf } from '../../domain/shared/copenhagenDate.js';
import { HttpError } from '../http/HttpError.js';
import type { DataverseClient } from './DataverseClient.js';

/** The contact's columns that can hold personal data: those the engine writes and those staff fill in Dynamics. */
export const personalContactColumns = [
  'firstname',
  'middlename',
  'lastname',
  'emailaddress1',
  'emailaddress2',
  'emailaddress3',
  'mobilephone',
  'telephone1',
  'telephone2',
  'jobtitle',
  'birthdate',
  'description',
  'address1_line1',
  'address1_line2',
  'address1_line3',
  'address1_postalcode',
  'address1_city',
  'address1_country',
  'msengine_unreadablephone',
] as const;

/**
 * [GDPR1] The CRM's part of anonymising: the person's contact row keeps its id (so links from
 * payments and agreements stay whole), its personal columns become null and `msengine_anonymisedon`
 * marks it, with "do not email" set. An update, never an upsert: a person the CRM never got is done.
 */
export class DataverseCrmAnonymisation implements CrmAnonymisation {
  constructor(
    private readonly client: DataverseClient,
    private readonly clock: Clock,
  ) {}

  async anonymiseContact(personId: string, extraColumns: readonly string[]): Promise<void> {
    const emptied = Object.fromEntries([...extraColumns.filter((column) => !column.includes('@')), ...personalContactColumns].map((column) => [column, null]));
    try {
      await this.client.update('contacts', personId, { ...emptied, donotemail: true, msengine_anonymisedon: copenhagenDateOf(this.clock.now()) });
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) return;
      throw error;
    }
  }
}
