/**
 * [CampaignAutomation6] The groups' knobs, kept as data so staff can change them without a deploy.
 * The defaults are the criteria MS uses today.
 */
export interface DunningSettings {
  id: typeof dunningSettingsId;
  /** A collection counts as missed this many days after its date with no payment, paid or pending. */
  graceDays: number;
  /** GROUP 1: an active agreement never paid and started more than this many months ago. */
  neverPaidAfterMonths: number;
  /** GROUP 2, monthly: this many expected collections in a row missed. */
  monthlyMissedInARow: number;
  /** Winback: the last agreement was cancelled between `winbackToMonths` and `winbackFromMonths` months ago. */
  winbackFromMonths: number;
  winbackToMonths: number;
  updatedAt: string;
}

export const dunningSettingsId = 'dunning-settings';

export const defaultDunningSettings: Omit<DunningSettings, 'updatedAt'> = {
  id: dunningSettingsId,
  graceDays: 7,
  neverPaidAfterMonths: 2,
  monthlyMissedInARow: 3,
  winbackFromMonths: 18,
  winbackToMonths: 24,
};
