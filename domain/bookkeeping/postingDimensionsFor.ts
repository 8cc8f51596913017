import type { BookkeepingChart } from './BookkeepingChart.js';
import type { Campaign } from './Campaign.js';
import type { LedgerPayment } from './LedgerPayment.js';
import type { PostingDimensions } from './PostingLine.js';

/** What a run knows while it posts: the chart and every campaign by its (upper-case) code. */
export interface PostingContext {
  chart: BookkeepingChart;
  campaigns: ReadonlyMap<string, Campaign>;
  /** The run's first day: a payment dated earlier (it arrived after its day was posted) is posted on it. */
  from: string;
}

export type DimensionsOutcome = { dimensions: PostingDimensions } | { held: string };

/**
 * [Bogføring][Kampagnemodel] The line a payment belongs on. Project and budget line come from the
 * payment's campaign as it is now (so a budget line set on a campaign code follows its payments);
 * the account from the campaign, else from the chart by agreement kind; the contra account from
 * the payment channel. A payment missing any of these is held, with the reason, for a later run.
 */
export function postingDimensionsFor(payment: LedgerPayment, context: PostingContext): DimensionsOutcome {
  const campaign = payment.campaignCode ? context.campaigns.get(campaignKey(payment.campaignCode)) : undefined;
  if (payment.campaignCode && !campaign) return { held: `campaign ${payment.campaignCode} is not in the campaign table` };
  const accountNumber = campaign?.accountNumber ?? (payment.agreementKind && context.chart.accountByAgreementKind[payment.agreementKind]);
  if (!accountNumber) return { held: payment.campaignCode ? `campaign ${payment.campaignCode} names no account` : 'no campaign and no agreement kind to choose the account by' };
  if (!context.chart.accounts.some((account) => account.number === accountNumber)) return { held: `account ${accountNumber} is not in the chart` };
  const contra = context.chart.contraAccounts.find((candidate) => candidate.channel === payment.channel);
  if (!contra) return { held: `payment channel ${payment.channel} has no contra account` };
  return {
    dimensions: {
      postingDate: payment.paymentDate < context.from ? context.from : payment.paymentDate,
      contraAccountNumber: contra.number,
      accountNumber,
      ...(campaign?.project && { project: campaign.project }),
      ...(campaign?.budgetLine && { budgetLine: campaign.budgetLine }),
    },
  };
}

/** Campaign codes are compared without regard to case. */
export function campaignKey(code: string): string {
  return code.trim().toUpperCase();
}
