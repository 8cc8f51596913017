import type { AutomationTriggerStore } from '../automation/ports.js';
import type { Job, JobContext } from '../jobs/JobRun.js';
import type { JobRuns } from '../jobs/ports.js';
import type { Clock } from '../shared/Clock.js';
import type { Ids } from '../shared/Ids.js';
import { classificationDay, classifyAgreement } from './classifyAgreement.js';
import { currentDunningSettings } from './currentDunningSettings.js';
import type { AgreementStates, DunningSettingsStore, SegmentMembers } from './ports.js';
import { raiseEntryTriggers } from './raiseEntryTriggers.js';
import type { GroupReason, SegmentMember } from './SegmentMember.js';
import { WinbackTracker } from './WinbackTracker.js';

export interface DunningJobPorts {
  agreementStates: AgreementStates;
  segmentMembers: SegmentMembers;
  dunningSettings: DunningSettingsStore;
  jobRuns: JobRuns;
  triggers: AutomationTriggerStore;
  ids: Ids;
  clock: Clock;
}

export const dunningGroupsJobName = 'dunning-groups';
const pageSize = 5_000;

/**
 * [CampaignAutomation6][CampaignAutomation3] The daily reactivation groups and winback: reads every
 * agreement's kept payment state once, stores who is in which group and why, and raises a trigger
 * for each person who entered.
 */
export function dunningGroupsJob(ports: DunningJobPorts): Job {
  return {
    name: dunningGroupsJobName,
    description: 'GROUP 1 never paid, GROUP 2 payment stopped, GROUP 3 stopped by the bank, and winback',
    run: (context) => computeGroups(context, ports),
  };
}

async function computeGroups(context: JobContext, ports: DunningJobPorts): Promise<Record<string, number>> {
  const today = context.run.forDate;
  const settings = await currentDunningSettings(ports);
  const day = classificationDay(today, settings);
  const members = new Map<string, SegmentMember>();
  const add = (personId: string, reason: GroupReason, cancelledOn?: string) => {
    const id = `${reason.group}:${personId}`;
    const member = members.get(id) ?? { id, runId: context.run.id, group: reason.group, personId, reasons: [], ...(cancelledOn && { cancelledOn }) };
    member.reasons.push(reason);
    members.set(id, member);
  };
  const winback = new WinbackTracker();
  let agreements = 0;
  let continuationToken: string | undefined;
  do {
    const page = await ports.agreementStates.listAll({ pageSize, ...(continuationToken && { continuationToken }) });
    for (const state of page.items) {
      winback.add(state);
      if (state.personId) for (const reason of classifyAgreement(state, day, settings)) add(state.personId, reason);
    }
    agreements += page.items.length;
    continuationToken = page.continuationToken;
    await context.progress(agreements, 'agreements');
  } while (continuationToken);
  for (const { personId, reason, cancelledOn } of winback.members(today, settings)) add(personId, reason, cancelledOn);

  const all = [...members.values()];
  await ports.segmentMembers.saveAll(all);
  const previous = await ports.jobRuns.lastCompletedBefore(dunningGroupsJobName, today);
  const previousMembers = previous ? await ports.segmentMembers.memberKeys(previous.id) : new Set<string>();
  const entered = await raiseEntryTriggers(all, previousMembers, previous?.id ?? 'none', ports);
  const count = (group: string) => all.filter((member) => member.group === group).length;
  return { agreements, 'group-1': count('group-1'), 'group-2': count('group-2'), 'group-3': count('group-3'), winback: count('winback'), entered };
}
