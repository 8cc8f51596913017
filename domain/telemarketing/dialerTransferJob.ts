import type { Job } from '../jobs/JobRun.js';
import { type EvaluationPorts, evaluateSegment } from '../segments/evaluateSegment.js';
import type { SegmentDefinitions } from '../segments/ports.js';
import { type HandOverToDialerPorts, handOverToDialer } from './handOverToDialer.js';

export const dialerTransferJobName = 'dialer-transfer';

export type DialerTransferPorts = HandOverToDialerPorts & EvaluationPorts & { segmentDefinitions: Pick<SegmentDefinitions, 'get'> };

/**
 * [Dialer1] Transfers a segment (a segment definition: petitions, donations, dunning groups, …) to a
 * call campaign in the dialer, a page at a time, through the TM rules; parameters `campaignId` and
 * `segmentDefinitionId`. The run's id makes the leads' ids, so a retried run creates nothing twice.
 */
export function dialerTransferJob(ports: DialerTransferPorts): Job {
  return {
    name: dialerTransferJobName,
    description: 'Transfers a segment to a call campaign in the dialer (parameters campaignId, segmentDefinitionId)',
    run: async ({ run, progress }) => {
      const { campaignId, segmentDefinitionId } = run.parameters ?? {};
      const campaign = campaignId ? (await ports.campaigns.get(campaignId))?.value : undefined;
      if (!campaign?.dialer) throw new Error(`the run names no call campaign with a dialer campaign (campaignId ${campaignId ?? 'missing'})`);
      const definition = segmentDefinitionId ? (await ports.segmentDefinitions.get(segmentDefinitionId))?.value : undefined;
      if (!definition) throw new Error(`the run names no segment definition that exists (segmentDefinitionId ${segmentDefinitionId ?? 'missing'})`);
      const counts: Record<string, number> = { leads: 0, pushed: 0, closedElsewhere: 0 };
      const count = (key: string, by = 1) => (counts[key] = (counts[key] ?? 0) + by);
      let seen = 0;
      for await (const page of evaluateSegment(definition.criteria, { teams: [campaign.team], channel: 'phone' }, ports)) {
        for (const { reasons } of page.excluded) for (const reason of reasons) count(`excluded.${reason}`);
        const handedOver = await handOverToDialer(campaign, page.kept, run.id, ports, 'through-the-filter');
        count('leads', handedOver.leads.length);
        count('pushed', handedOver.pushed);
        count('closedElsewhere', handedOver.closedElsewhere);
        for (const [reason, times] of Object.entries(handedOver.excluded)) count(`excluded.${reason}`, times ?? 0);
        seen += page.kept.length + page.excluded.length;
        await progress(seen, 'persons');
      }
      return counts;
    },
  };
}
