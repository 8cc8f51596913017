/** Storage queue names; infra/ declares the same. */
export const queueNames = {
  onlineFundraisingNotifications: 'of-notifications',
  /** Raised automation triggers, for the automations (mail, SMS, tasks) to pick up. */
  automationTriggers: 'automation-triggers',
  /** Merges of two persons asked for by staff (admin API or Dynamics), done with retries. */
  personMerges: 'person-merges',
  /** Master-data changes staff made in the CRM, to apply in the engine and OF. */
  crmContactChanges: 'crm-contact-changes',
  /** Drupal webform submissions (petitions, newsletter signups, contact forms) to process. */
  drupalNotifications: 'drupal-notifications',
  /** Rows of imported signature files (Playable), each processed like a form submission. */
  formImports: 'form-imports',
  /** Steps of posting runs (claim payments, build lines, send them to Business Central). */
  postingRuns: 'posting-runs',
  /** Runs of scheduled jobs (dunning groups, …), started by a timer or by staff. */
  jobRuns: 'job-runs',
  /** [GDPR1] Started anonymisations to finish (the engine's other records, OF, the CRM), retried until every system confirmed. */
  anonymisations: 'anonymisations',
  /** [CARE-Interactions] Mail delivery and engagement reports from ACS (through Event Grid), to record on their messages. */
  emailReports: 'email-reports',
  /** [Dialer4][Dialer5] HeroBase's notifications (a lead closed, a task made), to read and record. */
  dialerNotifications: 'dialer-notifications',
} as const;

/** Where Azure Functions moves a message that failed `maxDequeueCount` times. */
export function poisonQueueOf(queue: string): string {
  return `${queue}-poison`;
}

/** Azure Functions' default `maxDequeueCount` (host.json `extensions.queues`). */
export const maxDequeueCount = 5;
