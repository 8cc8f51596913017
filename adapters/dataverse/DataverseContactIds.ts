import type { CrmPersonIds } from '../../domain/reconciliation/ports.js';
import type { DataverseClient } from './DataverseClient.js';

const pageSize = 5_000;
const apiRoot = '/api/data/v9.2/';

/**
 * The ids of every contact in Dataverse (a contact's id is its person's id), read a page at a time
 * with `$select=contactid` and `Prefer: odata.maxpagesize`, following `@odata.nextLink`.
 */
export class DataverseContactIds implements CrmPersonIds {
  constructor(private readonly dataverse: DataverseClient) {}

  async *pages(): AsyncIterable<string[]> {
    let path: string | undefined = 'contacts?$select=contactid';
    while (path) {
      const response = await this.dataverse.send('GET', path, { headers: { prefer: `odata.maxpagesize=${pageSize}` } });
      const page = (await response.json()) as { value: { contactid: string }[]; '@odata.nextLink'?: string };
      yield page.value.map((row) => row.contactid);
      const next = page['@odata.nextLink'];
      path = next ? next.slice(next.indexOf(apiRoot) + apiRoot.length) : undefined;
    }
  }
}
