import { describe, expect, it } from 'vitest';
import { defaultBookkeepingChart } from './BookkeepingChart.js';
import type { Campaign } from './Campaign.js';
import type { LedgerPayment } from './LedgerPayment.js';
import { campaignKey, postingDimensionsFor } from './postingDimensionsFor.js';

const chart = { ...defaultBookkeepingChart, ledgerOpensOn: '2026-01-01', updatedAt: '2026-01-01T00:00:00Z' };
const gaza: Campaign = { code: 'DON_WEB_RF_Gaza', name: 'DON_WEB_RF_Gaza', restricted: true, accountNumber: '1040', project: 'SAG-17', budgetLine: 'GAZA-NOED', updatedAt: '2026-11-01T00:00:00Z' };
const campaigns = new Map([[campaignKey(gaza.code), gaza]]);
const payment: LedgerPayment = {
  id: 'p1',
  source: 'onlinefundraising',
  sourceReference: 'of-1',
  agreementKind: 'one_off',
  amountOre: 50_000,
  paymentDate: '2026-11-20',
  channel: 'mobilepay',
  campaignCode: 'don_web_rf_gaza',
  posting: { state: 'to_post' },
  recordedAt: '2026-11-20T10:00:00Z',
  updatedAt: '2026-11-20T10:00:00Z',
};

describe('[Kampagnemodel] posting dimensions', () => {
  it('[Kampagnemodel] a payment inherits account, project and budget line from its campaign code (in any case), and its contra account from the channel', () => {
    expect(postingDimensionsFor(payment, { chart, campaigns, from: '2026-11-01' })).toEqual({
      dimensions: { postingDate: '2026-11-20', contraAccountNumber: '5850', accountNumber: '1040', project: 'SAG-17', budgetLine: 'GAZA-NOED' },
    });
  });

  it('[Kampagnemodel] without an account on the campaign, the agreement kind chooses it', () => {
    const noAccount = new Map([[campaignKey(gaza.code), { ...gaza, accountNumber: undefined }]]);
    const outcome = postingDimensionsFor({ ...payment, agreementKind: 'membership' }, { chart, campaigns: noAccount, from: '2026-11-01' });
    expect(outcome).toMatchObject({ dimensions: { accountNumber: '1010', project: 'SAG-17' } });
  });

  it('[Bogføring] a payment dated before the run (it arrived after its day was posted) is posted on the run\'s first day', () => {
    expect(postingDimensionsFor({ ...payment, paymentDate: '2026-10-28' }, { chart, campaigns, from: '2026-11-01' })).toMatchObject({ dimensions: { postingDate: '2026-11-01' } });
  });

  it('[Bogføring] a payment whose campaign, account or contra account is unknown is held with the reason', () => {
    const context = { chart, campaigns, from: '2026-11-01' };
    expect(postingDimensionsFor({ ...payment, campaignCode: 'NOPE' }, context)).toEqual({ held: 'campaign NOPE is not in the campaign table' });
    expect(postingDimensionsFor({ ...payment, campaignCode: undefined, agreementKind: undefined }, context)).toEqual({ held: 'no campaign and no agreement kind to choose the account by' });
    const unknownAccount = new Map([[campaignKey(gaza.code), { ...gaza, accountNumber: '9999' }]]);
    expect(postingDimensionsFor(payment, { ...context, campaigns: unknownAccount })).toEqual({ held: 'account 9999 is not in the chart' });
    const noMobilePay = { ...chart, contraAccounts: chart.contraAccounts.filter((contra) => contra.channel !== 'mobilepay') };
    expect(postingDimensionsFor(payment, { ...context, chart: noMobilePay })).toEqual({ held: 'payment channel mobilepay has no contra account' });
  });
});
