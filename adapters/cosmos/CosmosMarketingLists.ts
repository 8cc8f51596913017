import type { Container } from '@azure/cosmos';
import type { MarketingListMember } from '../../domain/marketing/MarketingListMember.js';
import type { MarketingLists } from '../../domain/marketing/ports.js';
import { hasStatus, withoutSystemProperties } from './documents.js';

/** Marketing list memberships in Cosmos DB (container `marketing-lists`, one partition per list). */
export class CosmosMarketingLists implements MarketingLists {
  constructor(private readonly container: Container) {}

  async add(member: MarketingListMember): Promise<'added' | 'exists'> {
    try {
      await this.container.items.create(member);
      return 'added';
    } catch (error) {
      if (hasStatus(error, 409)) return 'exists';
      throw error;
    }
  }

  async membersOf(list: string): Promise<MarketingListMember[]> {
    const query = { query: 'SELECT * FROM c WHERE c.list = @list ORDER BY c.addedAt', parameters: [{ name: '@list', value: list }] };
    const { resources } = await this.container.items.query<MarketingListMember & Record<string, unknown>>(query, { partitionKey: list }).fetchAll();
    return resources.map((document) => withoutSystemProperties<MarketingListMember>(document));
  }
}
