import { describe, expect, it } from 'vitest';
import { keywordsInPeriod } from './keywordsInPeriod.js';
import type { SmsKeyword } from './SmsKeyword.js';

const list = { kind: 'add-to-marketing-list', list: 'klima' } as const;
const petition = { kind: 'create-signature', petitionId: 'p-7' } as const;
const assignments: SmsKeyword[] = [
  { keyword: 'KLIMA', campaignCode: 'KLIMA-2025', validFrom: '2025-01-01T00:00:00.000Z', validTo: '2026-06-01T00:00:00.000Z', action: list },
  { keyword: 'KLIMA', campaignCode: 'KLIMA-2026', validFrom: '2026-06-01T00:00:00.000Z', action: petition },
  { keyword: 'HAV', campaignCode: 'KLIMA-2026', validFrom: '2026-07-01T00:00:00.000Z', validTo: '2026-08-01T00:00:00.000Z', action: petition },
  { keyword: 'GAMMEL', campaignCode: 'ARKIV', validFrom: '2020-01-01T00:00:00.000Z', validTo: '2021-01-01T00:00:00.000Z', action: { kind: 'none' } },
  { keyword: 'SKOV', campaignCode: 'KLIMA-2026', validFrom: '2026-06-15T00:00:00.000Z', action: petition },
];

describe('keywords per campaign in a period', () => {
  it('[OnlineFundraising9] each campaign lists its keywords with the part of the period they were in force, sorted', () => {
    expect(keywordsInPeriod({ assignments }, new Date('2026-05-01T00:00:00.000Z'), new Date('2026-07-01T00:00:00.000Z'))).toEqual([
      { campaignCode: 'KLIMA-2025', keywords: [{ keyword: 'KLIMA', action: list, from: '2026-05-01T00:00:00.000Z', to: '2026-06-01T00:00:00.000Z' }] },
      {
        campaignCode: 'KLIMA-2026',
        keywords: [
          { keyword: 'KLIMA', action: petition, from: '2026-06-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' },
          { keyword: 'SKOV', action: petition, from: '2026-06-15T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' },
        ],
      },
    ]);
  });

  it('[OnlineFundraising9] a period ending where an assignment starts does not include it (ends are exclusive)', () => {
    const campaigns = keywordsInPeriod({ assignments }, new Date('2026-05-01T00:00:00.000Z'), new Date('2026-06-01T00:00:00.000Z'));
    expect(campaigns.map((campaign) => campaign.campaignCode)).toEqual(['KLIMA-2025']);
  });

  it('[OnlineFundraising9] a period with no keyword in force is an empty list', () => {
    expect(keywordsInPeriod({ assignments }, new Date('2022-01-01T00:00:00.000Z'), new Date('2024-01-01T00:00:00.000Z'))).toEqual([]);
  });
});
