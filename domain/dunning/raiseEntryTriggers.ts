import type { AutomationTrigger, TriggerKind } from '../automation/AutomationTrigger.js';
import type { AutomationTriggerStore } from '../automation/ports.js';
import type { Clock } from '../shared/Clock.js';
import type { Ids } from '../shared/Ids.js';
import type { DunningGroup, SegmentMember } from './SegmentMember.js';

/** Which flow a person entering several groups at once gets: the most urgent. */
const priority: DunningGroup[] = ['group-3', 'group-2', 'group-1', 'winback'];
const kindOf: Record<DunningGroup, TriggerKind> = { 'group-1': 'reactivation_group_1', 'group-2': 'reactivation_group_2', 'group-3': 'reactivation_group_3', winback: 'winback' };

/**
 * [CampaignAutomation3][CampaignAutomation6] One automation trigger per person who is in a group now
 * and was in none at the previous run: never two flows at once for one person, however many of
 * their agreements or payment methods fail. The trigger's id is made from the person and the run
 * compared with, so a repeated run raises nothing twice.
 */
export async function raiseEntryTriggers(
  members: SegmentMember[],
  previousMembers: Set<string>,
  baselineRunId: string,
  ports: { triggers: AutomationTriggerStore; ids: Ids; clock: Clock },
): Promise<number> {
  const groupsByPerson = new Map<string, SegmentMember[]>();
  for (const member of members) groupsByPerson.set(member.personId, [...(groupsByPerson.get(member.personId) ?? []), member]);
  const now = ports.clock.now().toISOString();
  let entered = 0;
  for (const [personId, memberships] of groupsByPerson) {
    if (previousMembers.has(personId)) continue;
    const first = priority.map((group) => memberships.find((member) => member.group === group)).find(Boolean)!;
    const trigger: AutomationTrigger = {
      id: ports.ids.fromKey(`reactivation-entry:${personId}:${baselineRunId}`),
      personId,
      kind: kindOf[first.group],
      windowStart: now,
      windowEnd: now,
      events: 1,
      sourceIds: [...new Set(memberships.flatMap((member) => member.reasons.map((reason) => reason.agreementId)))].slice(0, 50),
      status: 'open',
    };
    if ((await ports.triggers.save(trigger)) === 'saved') entered++;
  }
  return entered;
}
