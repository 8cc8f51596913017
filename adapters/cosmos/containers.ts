import type { CosmosClient } from '@azure/cosmos';

/** The engine's Cosmos containers and their partition keys; infra/ declares the same. */
export const cosmosContainers = {
  persons: { id: 'persons', partitionKey: '/id' },
  deadLetters: { id: 'dead-letters', partitionKey: '/id' },
  mirror: { id: 'mirror', partitionKey: '/id' },
  /** Job state (watermarks, last reports) and staff-maintained tables (field mappings). */
  engineState: { id: 'engine-state', partitionKey: '/id' },
  automationTriggers: { id: 'automation-triggers', partitionKey: '/id' },
  /** Match keys → persons, and each person's keys ([CARE-Dedupe]). */
  identityIndex: { id: 'identity-index', partitionKey: '/id' },
  /** Duplicate review cases, their parked data, and pairs kept apart ([OnlineFundraising13]). */
  duplicateReviews: { id: 'duplicate-reviews', partitionKey: '/id' },
  /** The append-only consent log, one partition per person ([Permission]). */
  consentLog: { id: 'consent-log', partitionKey: '/personId' },
  /** The "never contact" list ([StopList]); not linked to persons, so anonymising one leaves it. */
  stopList: { id: 'stop-list', partitionKey: '/id' },
  /** Petition signatures, one partition per petition ([OnlineFundraising15][Leadflow]). */
  signatures: { id: 'signatures', partitionKey: '/petitionId' },
  /** Marketing list memberships, one partition per list. */
  marketingLists: { id: 'marketing-lists', partitionKey: '/list' },
  /** Processed form submissions (the data sets of forms), linked to their persons. */
  formSubmissions: { id: 'form-submissions', partitionKey: '/id' },
  /** The payment ledger: OF payments, refunds and imported payments, with their posting ([Bogføring]). */
  payments: { id: 'payments', partitionKey: '/id' },
  /** Campaigns and their posting dimensions ([Kampagnemodel]). */
  campaigns: { id: 'campaigns', partitionKey: '/id' },
  postingRuns: { id: 'posting-runs', partitionKey: '/id' },
  /** A posting run's lines, one partition per run. */
  postingLines: { id: 'posting-lines', partitionKey: '/runId' },
  /** Per-agreement payment state for the daily groups ([CampaignAutomation6]). */
  agreementStates: { id: 'agreement-states', partitionKey: '/id' },
  /** Members of the groups per job run, one partition per run. */
  segmentMembers: { id: 'segment-members', partitionKey: '/runId' },
  /** Runs of the scheduled jobs. */
  jobRuns: { id: 'job-runs', partitionKey: '/id' },
  /** [CARE-Anon] People the anonymisation schedule found, with the day they are anonymised on, and staff's decisions. */
  anonymisationCandidates: { id: 'anonymisation-candidates', partitionKey: '/id' },
  /** [OnlineFundraising7][CampaignAutomation10] Mail and SMS templates staff set up. */
  messageTemplates: { id: 'message-templates', partitionKey: '/id' },
  /** [CampaignAutomation1] Segment definitions staff name and reuse. */
  segmentDefinitions: { id: 'segment-definitions', partitionKey: '/id' },
  /** Sends of a template to a person or a segment. */
  sends: { id: 'sends', partitionKey: '/id' },
  /** One message per person per send, with what the provider reported about it. */
  outboundMessages: { id: 'outbound-messages', partitionKey: '/id' },
  /** [Leadflow] Call campaigns staff set up for telemarketing. */
  callCampaigns: { id: 'call-campaigns', partitionKey: '/id' },
  /** [Leadflow][Dialer3] Every lead handed to telemarketing, and what became of it. */
  telemarketingLeads: { id: 'telemarketing-leads', partitionKey: '/id' },
  /** [Leadflow][Dialer2] The lead files: nightly to the TM vendor, or extracted by staff. */
  leadFiles: { id: 'lead-files', partitionKey: '/id' },
  /** [Dialer4] Tasks for member service (from the dialer vendor's member service). */
  memberServiceTasks: { id: 'member-service-tasks', partitionKey: '/id' },
  /** [Skatteindberetning] Each giver's gift totals per income year, as the latest run computed them. */
  taxStatements: { id: 'tax-statements', partitionKey: '/id' },
  /** [Skatteindberetning] The deliveries to SKAT, numbered over all years. */
  taxDeliveries: { id: 'tax-deliveries', partitionKey: '/id' },
  /** [Skatteindberetning] What each delivery reported per person and year (the markers member service sees). */
  taxReportMarkers: { id: 'tax-report-markers', partitionKey: '/id' },
  /** The append-only audit log of reads, changes and exports of personal data, one partition per day ([KomMed-GDPR]). */
  auditLog: { id: 'audit-log', partitionKey: '/day' },
} as const;

/** Creates the database and containers where they are missing (local stack; in Azure, infra does it). */
export async function ensureCosmosContainers(client: CosmosClient, databaseId: string): Promise<void> {
  const { database } = await client.databases.createIfNotExists({ id: databaseId });
  for (const { id, partitionKey } of Object.values(cosmosContainers)) {
    await database.containers.createIfNotExists({ id, partitionKey: { paths: [partitionKey] } });
  }
}
