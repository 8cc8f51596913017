import type { Versioned } from '../../domain/person/ports.js';
import type { LeadFile } from '../../domain/telemarketing/LeadFile.js';
import type { LeadFiles } from '../../domain/telemarketing/ports.js';
import { CosmosVersionedStore } from './CosmosVersionedStore.js';

/** [Leadflow][Dialer2] The lead files, nightly and manual (container `lead-files`, partitioned by id). */
export class CosmosLeadFiles extends CosmosVersionedStore<LeadFile> implements LeadFiles {
  undelivered(campaignId: string): Promise<Versioned<LeadFile>[]> {
    return this.queryVersioned({
      query: "SELECT * FROM c WHERE c.campaignId = @campaignId AND c.status = 'prepared' AND c.channel = 'sftp-file' ORDER BY c.forDate",
      parameters: [{ name: '@campaignId', value: campaignId }],
    });
  }

  async latestNightlyBefore(campaignId: string, forDate: string): Promise<LeadFile | null> {
    const found = await this.queryVersioned({
      query: "SELECT TOP 1 * FROM c WHERE c.campaignId = @campaignId AND c.channel = 'sftp-file' AND c.forDate < @forDate ORDER BY c.forDate DESC",
      parameters: [
        { name: '@campaignId', value: campaignId },
        { name: '@forDate', value: forDate },
      ],
    });
    return found[0]?.value ?? null;
  }

  async recent(limit: number, campaignId?: string): Promise<LeadFile[]> {
    const where = campaignId ? 'WHERE c.campaignId = @campaignId' : '';
    const query = { query: `SELECT TOP ${Math.trunc(limit)} * FROM c ${where} ORDER BY c.preparedAt DESC`, parameters: campaignId ? [{ name: '@campaignId', value: campaignId }] : [] };
    return (await this.queryVersioned(query)).map((stored) => stored.value);
  }
}
