import { afterAll, afterEach, beforeAll } from 'vitest';
import { type OnlineFundraisingSimulator, type OnlineFundraisingSimulatorOptions, startOnlineFundraisingSimulator } from './server.js';
import { type WebhookReceiver, startWebhookReceiver } from './startWebhookReceiver.js';

export interface SimulatorWithReceiver {
  sim: OnlineFundraisingSimulator;
  /** Records the webhooks the simulator sends (answers 202). */
  receiver: WebhookReceiver;
}

/**
 * Test support: the OF simulator for a test file, sending its webhooks to a recording receiver.
 * Started before the file's tests, stopped after them, emptied after each test (data, webhook
 * target, received webhooks). Use the returned object's fields inside hooks and tests.
 */
export function useSimulatorWithReceiver(options: Omit<OnlineFundraisingSimulatorOptions, 'webhookTargetUrl'>): SimulatorWithReceiver {
  const running = {} as SimulatorWithReceiver;
  beforeAll(async () => {
    running.receiver = await startWebhookReceiver(202);
    running.sim = await startOnlineFundraisingSimulator({ ...options, webhookTargetUrl: running.receiver.url });
  });
  afterAll(async () => {
    await running.sim.close();
    await running.receiver.close();
  });
  afterEach(() => {
    running.sim.reset();
    running.sim.setWebhookTarget(running.receiver.url);
    running.receiver.received.length = 0;
  });
  return running;
}
