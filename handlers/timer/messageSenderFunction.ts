import { type SenderPorts, sendDueMessages } from '../../domain/sending/sendDueMessages.js';
import type { TimerFunction } from './TimerFunction.js';

/**
 * [CampaignAutomation10] Every minute: one round of the sender (the messages due, within the
 * providers' rates). A round sends at most a minute's worth, so rounds do not overlap for long.
 */
export function messageSenderFunction(ports: SenderPorts): TimerFunction {
  return {
    name: 'messageSender',
    schedule: '0 * * * * *',
    handle: async () => {
      const round = await sendDueMessages(ports);
      if (round.sent + round.skipped + round.providerErrors > 0) ports.logger.info('sender round', { ...round });
    },
  };
}
