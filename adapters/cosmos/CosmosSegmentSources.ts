import type { Container } from '@azure/cosmos';
import type { ConsentEntry } from '../../domain/consent/ConsentEntry.js';
import type { JobRuns } from '../../domain/jobs/ports.js';
import { dunningGroupsJobName } from '../../domain/dunning/dunningGroupsJob.js';
import type { Person } from '../../domain/person/Person.js';
import type { SegmentFactRows, SegmentSources } from '../../domain/segments/ports.js';
import { postcodeMunicipalitiesId, type PostcodeMunicipalities } from '../../domain/datasets/PostcodeMunicipalities.js';
import { type DrupalFormTable, drupalFormsId } from '../../domain/forms/DrupalForm.js';
import { withoutSystemProperties } from './documents.js';
import { queryPages } from './queryPage.js';

export interface SegmentContainers {
  persons: Container;
  signatures: Container;
  payments: Container;
  segmentMembers: Container;
  consentLog: Container;
  engineState: Container;
  telemarketingLeads: Container;
  callCampaigns: Container;
}

/**
 * [CampaignAutomation1] Segment evaluation's reads: persons page by page, and for each page its
 * facts in one query per store (`ARRAY_CONTAINS(@ids, c.personId)`, served by the range index), so
 * the cost per person stays the same however many people there are.
 */
export class CosmosSegmentSources implements SegmentSources {
  private groupsRun: { run: { id: string } | null } | undefined;

  constructor(
    private readonly containers: SegmentContainers,
    private readonly jobRuns: Pick<JobRuns, 'lastCompletedBefore'>,
  ) {}

  persons(pageSize: number): AsyncIterable<Person[]> {
    this.groupsRun = undefined;
    return queryPages<Person>(this.containers.persons, 'SELECT * FROM c WHERE NOT IS_DEFINED(c.mergedInto)', pageSize);
  }

  async factsOf(personIds: string[]): Promise<SegmentFactRows> {
    const ids = [{ name: '@ids', value: personIds }];
    const latestGroups = await this.latestGroupsRun();
    const [signatures, donations, dunningGroups, consentEntries, leads, activeCallCampaigns] = await Promise.all([
      this.all<SegmentFactRows['signatures'][number]>(this.containers.signatures, 'SELECT c.personId, c.petitionId, c.signedAt, c.campaignCode FROM c WHERE ARRAY_CONTAINS(@ids, c.personId) AND NOT IS_DEFINED(c.withdrawnAt)', ids),
      this.all<SegmentFactRows['donations'][number]>(this.containers.payments, 'SELECT c.personId, c.paymentDate, c.amountOre FROM c WHERE ARRAY_CONTAINS(@ids, c.personId) AND c.amountOre > 0', ids),
      latestGroups
        ? this.all<SegmentFactRows['dunningGroups'][number]>(this.containers.segmentMembers, 'SELECT c.personId, c["group"] FROM c WHERE c.runId = @runId AND ARRAY_CONTAINS(@ids, c.personId)', [...ids, { name: '@runId', value: latestGroups.id }])
        : Promise.resolve([]),
      this.all<ConsentEntry>(this.containers.consentLog, 'SELECT * FROM c WHERE ARRAY_CONTAINS(@ids, c.personId)', ids),
      this.all<SegmentFactRows['leads'][number]>(this.containers.telemarketingLeads, 'SELECT c.personId, c.campaignId, c.handedOverAt, c.status, c.outcome FROM c WHERE ARRAY_CONTAINS(@ids, c.personId)', ids),
      this.all<string>(this.containers.callCampaigns, 'SELECT VALUE c.id FROM c WHERE c.active = true', []),
    ]);
    return {
      signatures,
      donations,
      dunningGroups,
      consentEntries: consentEntries.map((entry) => withoutSystemProperties<ConsentEntry>(entry as ConsentEntry & Record<string, unknown>)),
      leads,
      activeCallCampaigns,
    };
  }

  /** The latest groups run, read once per evaluation (each starts by asking for the persons), not once per page. */
  private async latestGroupsRun(): Promise<{ id: string } | null> {
    if (!this.groupsRun) this.groupsRun = { run: await this.jobRuns.lastCompletedBefore(dunningGroupsJobName, '9999-12-31') };
    return this.groupsRun.run;
  }

  async municipalities(): Promise<Map<string, string>> {
    const { resource } = await this.containers.engineState.item(postcodeMunicipalitiesId, postcodeMunicipalitiesId).read<PostcodeMunicipalities>();
    return new Map(Object.entries(resource?.municipalityOfPostcode ?? {}));
  }

  async petitionExists(petitionId: string): Promise<boolean> {
    const { resources } = await this.containers.signatures.items
      .query<number>({ query: 'SELECT VALUE COUNT(1) FROM c WHERE c.petitionId = @petitionId', parameters: [{ name: '@petitionId', value: petitionId }] }, { partitionKey: petitionId })
      .fetchAll();
    if ((resources[0] ?? 0) > 0) return true;
    const { resource } = await this.containers.engineState.item(drupalFormsId, drupalFormsId).read<DrupalFormTable>();
    return (resource?.forms ?? []).some((form) => form.petitionId === petitionId);
  }

  private async all<T>(container: Container, query: string, parameters: { name: string; value: string | string[] }[]): Promise<T[]> {
    const rows: T[] = [];
    for await (const page of queryPages<T>(container, { query, parameters }, 5_000)) rows.push(...page);
    return rows;
  }
}
