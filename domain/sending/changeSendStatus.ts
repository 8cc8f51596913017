import type { Clock } from '../shared/Clock.js';
import { NotFoundError } from '../shared/errors.js';
import { SendStateError } from './errors.js';
import type { Sends } from './ports.js';
import type { Send } from './Send.js';

export type SendAction = 'pause' | 'resume' | 'cancel';

/**
 * [CampaignAutomation10] Staff pause, resume or cancel a send. The sender looks at the send before
 * every page, so at most the page under way goes out after a pause or cancel. Messages not sent by
 * a cancelled send stay planned and are never sent.
 */
export async function changeSendStatus(sendId: string, action: SendAction, ports: { sends: Sends; clock: Clock }): Promise<Send> {
  for (;;) {
    const stored = await ports.sends.get(sendId);
    if (!stored) throw new NotFoundError(`no send ${sendId}`);
    const changed = next(stored.value, action, ports.clock.now().toISOString());
    if ((await ports.sends.save(changed, stored.etag)) === 'saved') return changed;
  }
}

function next(send: Send, action: SendAction, now: string): Send {
  const refuse = (why: string) => new SendStateError(`cannot ${action} send ${send.id}: ${why}`);
  if (send.status === 'completed' || send.status === 'cancelled') throw refuse(`it is ${send.status}`);
  switch (action) {
    case 'pause':
      if (send.status === 'paused') return send;
      if (send.status === 'planning') throw refuse('it is being planned; pause it once planned');
      return { ...send, status: 'paused', pausedFrom: send.status, updatedAt: now };
    case 'resume': {
      if (send.status !== 'paused') throw refuse(`it is ${send.status}, not paused`);
      const { pausedFrom, ...rest } = send;
      return { ...rest, status: pausedFrom ?? 'planned', updatedAt: now };
    }
    case 'cancel':
      return { ...send, status: 'cancelled', finishedAt: now, updatedAt: now };
  }
}
