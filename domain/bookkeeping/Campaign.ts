export const campaignSources = ['WEB', 'SMS', 'PHONE', 'SHOP'] as const;
export type CampaignSource = (typeof campaignSources)[number];

/** ONE-OFF: single gifts; DON: regular support (fast støtte); MEM-DON: membership. */
export const campaignKinds = ['ONE-OFF', 'DON', 'MEM-DON'] as const;
export type CampaignKind = (typeof campaignKinds)[number];

/**
 * [Kampagnemodel] A campaign (kampagnekode) and the posting dimensions its payments inherit: the
 * income account, the project (sag) and the budget line (sagsopgave). A dimension set here follows
 * every payment of the campaign that is not posted yet.
 */
export interface Campaign {
  code: string;
  name: string;
  /** Øremærket (_RF): the money may only be used for the campaign's purpose; _NRF (legacy "GF") may be used freely. */
  restricted: boolean;
  source?: CampaignSource;
  kind?: CampaignKind;
  /** Income account (G/L number); when absent, the chart's account for the payment's agreement kind. */
  accountNumber?: string;
  project?: string;
  budgetLine?: string;
  updatedAt: string;
}
