import { NotFoundError } from '../shared/errors.js';
import type { OutboundMessages, Sends } from './ports.js';
import type { Send } from './Send.js';

export interface SendProgress {
  send: Send;
  messages: { planned: number; sending: number; sent: number; skipped: number };
}

/** [CampaignAutomation10] A send and how far it got. */
export async function sendProgress(sendId: string, ports: { sends: Sends; messages: OutboundMessages }): Promise<SendProgress> {
  const stored = await ports.sends.get(sendId);
  if (!stored) throw new NotFoundError(`no send ${sendId}`);
  return { send: stored.value, messages: await ports.messages.countByStatus(sendId) };
}
