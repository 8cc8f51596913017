import type { ContactChanges } from '../../domain/person/ContactChanges.js';
import type { CrmContactReader } from '../../domain/person/ports.js';
import { contactChangesFromRow, syncedContactColumns } from './contactChangeOf.js';
import type { DataverseClient } from './DataverseClient.js';

/** Reads a contact's synced columns from Dataverse, for a change whose webhook came without them. */
export class DataverseContactReader implements CrmContactReader {
  constructor(private readonly dataverse: DataverseClient) {}

  async masterDataOf(personId: string): Promise<ContactChanges | null> {
    const row = await this.dataverse.retrieve('contacts', personId, syncedContactColumns);
    return row ? contactChangesFromRow(row) : null;
  }
}
