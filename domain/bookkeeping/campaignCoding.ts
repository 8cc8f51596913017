import { type CampaignKind, type CampaignSource, campaignKinds, campaignSources } from './Campaign.js';

export interface CampaignCoding {
  restricted?: boolean;
  source?: CampaignSource;
  kind?: CampaignKind;
}

/**
 * [Kampagnemodel] Reads the coding MS writes into campaign names, e.g. "DON_WEB_RF_Gaza2026":
 * _RF restricted, _NRF non-restricted (the legacy "GF" means the same as NRF), a source
 * (WEB, SMS, PHONE, SHOP) and a kind (ONE-OFF, DON, MEM-DON). Tokens are separated by "_" or
 * spaces and read case-insensitively; what the name does not say is left out.
 */
export function campaignCodingOf(name: string): CampaignCoding {
  const tokens = name.toUpperCase().split(/[_\s]+/).filter(Boolean);
  const restricted = tokens.includes('RF') ? true : tokens.includes('NRF') || tokens.includes('GF') ? false : undefined;
  const source = campaignSources.find((candidate) => tokens.includes(candidate));
  const kind = campaignKinds.find((candidate) => tokens.includes(candidate));
  return { ...(restricted !== undefined && { restricted }), ...(source && { source }), ...(kind && { kind }) };
}
