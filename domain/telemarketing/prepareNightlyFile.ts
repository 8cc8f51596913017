import type { Clock } from '../shared/Clock.js';
import { startOfCopenhagenDay } from '../shared/startOfCopenhagenDay.js';
import type { CallCampaign } from './CallCampaign.js';
import { type ChooseLeadsPorts, candidatesFromSignatures, chooseLeads } from './chooseLeads.js';
import type { LeadFile } from './LeadFile.js';
import type { Versioned } from '../person/ports.js';
import type { LeadFileFormat, LeadFiles, LeadSources } from './ports.js';

/** The vendor the nightly files go to (seed 000, 2.3.2: TMPO, with AllEars as backup by manual extract). */
export const nightlyVendor = 'TMPO';

export interface PrepareNightlyFilePorts extends ChooseLeadsPorts {
  files: LeadFiles;
  sources: LeadSources;
  format: Pick<LeadFileFormat, 'extension'>;
  clock: Clock;
}

/** The nightly file's id: one per campaign and night. */
export function nightlyFileIdOf(campaignId: string, forDate: string, ports: Pick<ChooseLeadsPorts, 'ids'>): string {
  return ports.ids.fromKey(`lead-file:${campaignId}:${forDate}`);
}

/**
 * [Leadflow] The campaign's file for the night of `forDate`: the signatures recorded since the
 * previous night's file up to midnight starting `forDate` (Danish time), chosen into leads. Prepared
 * once: asked again, it answers the file it made (whatever its state).
 */
export async function prepareNightlyFile(campaign: CallCampaign, forDate: string, ports: PrepareNightlyFilePorts): Promise<Versioned<LeadFile>> {
  const id = nightlyFileIdOf(campaign.id, forDate, ports);
  const existing = await ports.files.get(id);
  if (existing) return existing;
  const previous = await ports.files.latestNightlyBefore(campaign.id, forDate);
  const from = previous?.signatures.to ?? startOfCopenhagenDay(campaign.leadsFrom).toISOString();
  const to = startOfCopenhagenDay(forDate).toISOString();
  const signatures = from < to ? await ports.sources.signatures(campaign.petitionIds, 'recordedAt', from, to) : [];
  const preparedAt = ports.clock.now().toISOString();
  const { leads, excluded } = await chooseLeads(campaign, await candidatesFromSignatures(signatures, ports), { fileId: id, vendor: nightlyVendor, channel: 'sftp-file', at: preparedAt }, ports);
  const file: LeadFile = {
    id,
    campaignId: campaign.id,
    vendor: nightlyVendor,
    channel: 'sftp-file',
    name: `${campaign.id}_${forDate.replaceAll('-', '')}.${ports.format.extension}`,
    forDate,
    signatures: { from, to: from < to ? to : from },
    leadIds: leads.map((lead) => lead.id).sort(),
    columns: campaign.nightlyFile?.columns ?? [],
    excluded,
    status: leads.length > 0 ? 'prepared' : 'empty',
    preparedAt,
    attempts: 0,
  };
  // 'stale': a run in parallel prepared the same night first; its file is the night's file.
  await ports.files.save(file);
  return (await ports.files.get(id))!;
}
