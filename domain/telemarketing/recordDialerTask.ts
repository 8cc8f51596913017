import type { Clock } from '../shared/Clock.js';
import { NotFoundError } from '../shared/errors.js';
import type { Ids } from '../shared/Ids.js';
import type { Logger } from '../shared/Logger.js';
import type { Dialer } from './Dialer.js';
import type { MemberServiceTask } from './MemberServiceTask.js';
import type { MemberServiceTasks, TelemarketingLeads } from './ports.js';

export interface DialerTaskPorts {
  dialer: Dialer;
  leads: Pick<TelemarketingLeads, 'get'>;
  tasks: MemberServiceTasks;
  ids: Ids;
  clock: Clock;
  logger: Logger;
}

/**
 * [Dialer4] Member service at the dialer vendor made a task: read it from the dialer and keep it for
 * MS's member service, linked to the person when it came from a call on one of the engine's leads,
 * unlinked (with the contact details the vendor wrote down) otherwise. Once per task.
 */
export async function recordDialerTask(taskId: string, ports: DialerTaskPorts): Promise<MemberServiceTask> {
  const task = await ports.dialer.task(taskId);
  if (!task) throw new NotFoundError(`the dialer has no task ${taskId}`);
  const lead = task.dialerLeadId ? await leadOfDialerLead(task.dialerLeadId, ports) : undefined;
  const recorded: MemberServiceTask = {
    id: ports.ids.fromKey(`dialer-task:${task.id}`),
    source: 'dialer',
    dialerTaskId: task.id,
    subject: task.subject,
    description: task.description,
    ...(lead && { personId: lead.personId, leadId: lead.id }),
    contact: { ...(task.name && { name: task.name }), ...(task.phone && { phone: task.phone }), ...(task.email && { email: task.email }) },
    createdBy: task.createdBy,
    createdAt: task.createdAt,
    recordedAt: ports.clock.now().toISOString(),
    status: 'open',
  };
  if ((await ports.tasks.create(recorded)) === 'exists') return (await ports.tasks.get(recorded.id))?.value ?? recorded;
  ports.logger.info('member service task recorded', { taskId: recorded.id, linked: recorded.personId !== undefined });
  return recorded;
}

async function leadOfDialerLead(dialerLeadId: string, ports: Pick<DialerTaskPorts, 'dialer' | 'leads'>) {
  const state = await ports.dialer.lead(dialerLeadId);
  return state ? (await ports.leads.get(state.externalId))?.value : undefined;
}
