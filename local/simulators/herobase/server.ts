import { Hono } from 'hono';
import { systemClock } from '../../../adapters/system/systemClock.js';
import type { Clock } from '../../../domain/shared/Clock.js';
import { type ListenOptions, startHttpServer } from '../shared/httpServer.js';
import { apiRoutes } from './apiRoutes.js';
import { controlRoutes } from './controlRoutes.js';
import { heroBaseError } from './heroBaseError.js';
import { SimulatorControl } from './SimulatorControl.js';

export interface HeroBaseSimulatorOptions extends ListenOptions {
  apiKey?: string;
  webhookSecret?: string;
  webhookTargetUrl?: string;
  /** Requests per second per API key before 429 (default 10). */
  requestsPerSecond?: number;
  clock?: Clock;
}

export type HeroBaseSimulator = SimulatorControl & {
  /** e.g. "http://127.0.0.1:7078"; the API is under `/api/v1`. */
  url: string;
  close(): Promise<void>;
};

export const defaultHeroBaseApiKey = 'sim-herobase-api-key';
export const defaultHeroBaseWebhookSecret = 'sim-herobase-webhook-secret';

/** Starts the HeroBase dialer simulator (see README.md in this folder). */
export async function startHeroBaseSimulator(options: HeroBaseSimulatorOptions = {}): Promise<HeroBaseSimulator> {
  const control = new SimulatorControl(
    {
      apiKey: options.apiKey ?? defaultHeroBaseApiKey,
      webhookSecret: options.webhookSecret ?? defaultHeroBaseWebhookSecret,
      clock: options.clock ?? systemClock,
      requestsPerSecond: options.requestsPerSecond ?? 10,
    },
    options.webhookTargetUrl,
  );
  const app = new Hono();
  app.route('/api/v1', apiRoutes(control));
  app.route('/_sim', controlRoutes(control));
  app.notFound((c) => heroBaseError(404, 'not_found', `no route ${c.req.method} ${new URL(c.req.url).pathname}`));
  app.onError((error) => heroBaseError(500, 'internal_error', error.message));
  const { url, close } = await startHttpServer(app.fetch, options);
  return Object.assign(control, { url, close });
}
