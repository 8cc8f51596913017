import type { Job } from '../jobs/JobRun.js';
import type { Logger } from '../shared/Logger.js';
import type { CallCampaign } from './CallCampaign.js';
import { type DeliverLeadFilePorts, deliverLeadFile } from './deliverLeadFile.js';
import { type PrepareNightlyFilePorts, prepareNightlyFile } from './prepareNightlyFile.js';

export const nightlyLeadFilesJobName = 'telemarketing-files';

export type NightlyLeadFilesPorts = PrepareNightlyFilePorts & DeliverLeadFilePorts & { logger: Logger };

/** Some files could not be delivered; they stay prepared and go with the next attempt. */
export class LeadFilesNotDeliveredError extends Error {}

/**
 * [Leadflow] The nightly hand-over to telemarketing: for each active campaign with a nightly file, the
 * highest priority first (so a person goes to the campaign that matters most), delivers what earlier
 * nights left undelivered, then prepares and delivers tonight's file. A failed upload does not stop the
 * other campaigns; the run then fails naming them, and is tried again.
 */
export function nightlyLeadFilesJob(ports: NightlyLeadFilesPorts): Job {
  return {
    name: nightlyLeadFilesJobName,
    description: 'Nightly lead files to the telemarketing vendor over SFTP, one per active call campaign',
    run: async ({ run, progress }) => {
      const campaigns = (await ports.campaigns.list()).filter((campaign) => campaign.active && campaign.nightlyFile).sort((a, b) => b.priority - a.priority);
      const counts: Record<string, number> = { campaigns: campaigns.length, filesDelivered: 0, leads: 0, emptyNights: 0 };
      const failures: string[] = [];
      for (const [index, campaign] of campaigns.entries()) {
        await handOverCampaign(campaign, run.forDate, ports, counts, failures);
        await progress(index + 1, 'campaigns', campaigns.length);
      }
      if (failures.length > 0) throw new LeadFilesNotDeliveredError(`not delivered: ${failures.join('; ')}`);
      return counts;
    },
  };
}

async function handOverCampaign(campaign: CallCampaign, forDate: string, ports: NightlyLeadFilesPorts, counts: Record<string, number>, failures: string[]): Promise<void> {
  try {
    for (const earlier of await ports.files.undelivered(campaign.id)) await deliverCounted(earlier, campaign, ports, counts);
    const tonight = await prepareNightlyFile(campaign, forDate, ports);
    for (const [reason, count] of Object.entries(tonight.value.excluded)) counts[`excluded.${reason}`] = (counts[`excluded.${reason}`] ?? 0) + (count ?? 0);
    if (tonight.value.status === 'empty') counts.emptyNights!++;
    await deliverCounted(tonight, campaign, ports, counts);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    ports.logger.error('lead file not delivered', { campaignId: campaign.id, error: message });
    failures.push(`${campaign.id}: ${message}`);
  }
}

async function deliverCounted(file: Parameters<typeof deliverLeadFile>[0], campaign: CallCampaign, ports: NightlyLeadFilesPorts, counts: Record<string, number>): Promise<void> {
  if (file.value.status !== 'prepared') return;
  await deliverLeadFile(file, campaign, ports);
  counts.filesDelivered!++;
  counts.leads! += file.value.leadIds.length;
}
