import { Hono } from 'hono';
import type { Clock } from '../../../domain/shared/Clock.js';
import { systemClock } from '../../../adapters/system/systemClock.js';
import { type ListenOptions, startHttpServer } from '../shared/httpServer.js';
import { apiRoutes } from './apiRoutes.js';
import { controlRoutes } from './controlRoutes.js';
import { jsonError } from './jsonError.js';
import { SimulatorControl } from './SimulatorControl.js';

export interface OnlineFundraisingSimulatorOptions extends ListenOptions {
  /** The key the API accepts as `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** Secret the webhooks are signed with. */
  webhookSecret?: string;
  /** Where notifications go; can be set later with `setWebhookTarget`. */
  webhookTargetUrl?: string;
  clock?: Clock;
}

export type OnlineFundraisingSimulator = SimulatorControl & {
  /** e.g. "http://127.0.0.1:7072". */
  url: string;
  /** The base URL the engine's OF client is configured with: `${url}/api/v1`. */
  apiBaseUrl: string;
  close(): Promise<void>;
};

export const defaultSimulatorApiKey = 'sim-of-api-key';
export const defaultSimulatorWebhookSecret = 'sim-of-webhook-secret';


/** Starts the OnlineFundraising simulator (see README.md in this folder). */
export async function startOnlineFundraisingSimulator(
  options: OnlineFundraisingSimulatorOptions = {},
): Promise<OnlineFundraisingSimulator> {
  const control = new SimulatorControl(
    {
      apiKey: options.apiKey ?? defaultSimulatorApiKey,
      webhookSecret: options.webhookSecret ?? defaultSimulatorWebhookSecret,
      clock: options.clock ?? systemClock,
    },
    options.webhookTargetUrl,
  );
  const app = new Hono();
  app.route('/api/v1', apiRoutes(control));
  app.route('/_sim', controlRoutes(control));
  app.get('/s/:id', (c) => {
    const target = control.shortUrls.target(c.req.param('id'));
    return target ? c.redirect(target, 302) : jsonError(404, 'not_found', 'no such short link');
  });
  app.notFound(() => jsonError(404, 'not_found', 'no such route'));
  app.onError((error) => jsonError(500, 'internal_error', error.message));

  const { url, close } = await startHttpServer(app.fetch, options);
  control.publicUrl = url;
  return Object.assign(control, { url, apiBaseUrl: `${url}/api/v1`, close });
}
