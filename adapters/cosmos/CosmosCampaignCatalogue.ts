import type { Container } from '@azure/cosmos';
import type { Campaign } from '../../domain/bookkeeping/Campaign.js';
import type { CampaignCatalogue } from '../../domain/bookkeeping/ports.js';
import { campaignKey } from '../../domain/bookkeeping/postingDimensionsFor.js';
import { withoutSystemProperties } from './documents.js';

type CampaignDocument = Campaign & { id: string };

/**
 * [Kampagnemodel] Campaigns in Cosmos DB (container `campaigns`, partitioned by id). The id is the
 * code in upper case with the characters Cosmos forbids in ids escaped, so codes compare without
 * regard to case.
 */
export class CosmosCampaignCatalogue implements CampaignCatalogue {
  constructor(private readonly container: Container) {}

  async get(code: string): Promise<Campaign | null> {
    const id = documentIdOf(code);
    const { resource } = await this.container.item(id, id).read<CampaignDocument & Record<string, unknown>>();
    return resource ? withoutId(resource) : null;
  }

  async all(): Promise<Campaign[]> {
    const { resources } = await this.container.items.readAll<CampaignDocument & Record<string, unknown>>().fetchAll();
    return resources.map(withoutId);
  }

  async save(campaign: Campaign): Promise<void> {
    await this.container.items.upsert({ ...campaign, id: documentIdOf(campaign.code) });
  }
}

function documentIdOf(code: string): string {
  return campaignKey(code).replace(/[/\\?#%]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

function withoutId(document: CampaignDocument & Record<string, unknown>): Campaign {
  const { id: _id, ...campaign } = withoutSystemProperties<CampaignDocument>(document);
  return campaign;
}
