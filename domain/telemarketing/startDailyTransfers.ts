import { type StartJobPorts, startJobRun } from '../jobs/startJobRun.js';
import { copenhagenDateOf } from '../shared/copenhagenDate.js';
import { dialerTransferJobName } from './dialerTransferJob.js';
import type { CallCampaigns } from './ports.js';

/**
 * [Dialer1] Starts today's transfer of each active dialer campaign that has a daily segment: one run
 * per campaign and day (the run's id is fixed by both), so a timer firing twice starts each once.
 */
export async function startDailyTransfers(ports: StartJobPorts & { campaigns: CallCampaigns }): Promise<number> {
  const today = copenhagenDateOf(ports.clock.now());
  let started = 0;
  for (const campaign of await ports.campaigns.list()) {
    const segmentDefinitionId = campaign.dialer?.dailySegmentDefinitionId;
    if (!campaign.active || !segmentDefinitionId) continue;
    await startJobRun(dialerTransferJobName, { kind: 'schedule', slot: `${campaign.id}:${today}` }, ports, { campaignId: campaign.id, segmentDefinitionId });
    started++;
  }
  return started;
}
