import type { LeadFileColumn } from './leadFields.js';

/**
 * [Leadflow] A call campaign: where its leads come from, how it ranks against other campaigns, how long
 * after a hand-over a person may be handed over again, and what its nightly file to the TM vendor holds.
 */
export interface CallCampaign {
  id: string;
  name: string;
  /** Higher goes first: a person open in a higher campaign is not handed to a lower one. */
  priority: number;
  /** Months after any hand-over to TM before the person may be handed over again (12 for new leads from petitions). */
  recontactAfterMonths: number;
  /** Only active campaigns get a nightly file. */
  active: boolean;
  /** The petitions whose signatures become the campaign's leads. */
  petitionIds: string[];
  /** Business date: signatures recorded before it are not leads of this campaign (its first file starts here). */
  leadsFrom: string;
  /** The team the campaign works for: that team's limits apply ([Permissionsstruktur1]). */
  team: string;
  /** [Leadflow] Set when the campaign's new leads go to the TM vendor as a nightly file over SFTP. */
  nightlyFile?: { columns: LeadFileColumn[] };
  /**
   * [Dialer1][OnlineFundraising6] Set when the campaign's leads go to the dialer (HeroBase) through its
   * API: the dialer's campaign, OF's Onboarding App campaign, whether the calls change existing
   * agreements (upgrade, winback: each lead then carries the person's OF agreement), the data the
   * caller sees beside the name, and the consent topic a newsletter sign-up on the call gives.
   */
  dialer?: {
    dialerCampaignId: string;
    onboardingCampaignId?: string;
    changesAgreements: boolean;
    fields: LeadFileColumn[];
    newsletterTopic?: string;
    /** A segment definition transferred every morning (new people in it become leads); none: transfers on demand only. */
    dailySegmentDefinitionId?: string;
  };
  updatedAt: string;
  updatedBy?: string;
}
