import { Hono } from 'hono';
import type { Clock } from '../../../domain/shared/Clock.js';
import { systemClock } from '../../../adapters/system/systemClock.js';
import { type ListenOptions, startHttpServer } from '../shared/httpServer.js';
import { apiRoutes } from './apiRoutes.js';
import { controlRoutes } from './controlRoutes.js';
import { drupalError } from './drupalError.js';
import { SimulatorControl } from './SimulatorControl.js';

export interface DrupalSimulatorOptions extends ListenOptions {
  /** The Drupal API user's name and password the API accepts with HTTP Basic auth. */
  username?: string;
  password?: string;
  /** Secret the webhooks are signed with. */
  webhookSecret?: string;
  /** Where notifications go; can be set later with `setWebhookTarget`. */
  webhookTargetUrl?: string;
  clock?: Clock;
}

export type DrupalSimulator = SimulatorControl & {
  /** The site's root, e.g. "http://127.0.0.1:7075": what the engine's DRUPAL_URL points at. */
  url: string;
  close(): Promise<void>;
};

export const defaultSimulatorUsername = 'sim-engine-api';
export const defaultSimulatorPassword = 'sim-drupal-password';
export const defaultSimulatorWebhookSecret = 'sim-drupal-webhook-secret';


/** Starts the Drupal (ms.dk webforms) simulator (see README.md in this folder). */
export async function startDrupalSimulator(options: DrupalSimulatorOptions = {}): Promise<DrupalSimulator> {
  const control = new SimulatorControl(
    {
      credentials: { username: options.username ?? defaultSimulatorUsername, password: options.password ?? defaultSimulatorPassword },
      webhookSecret: options.webhookSecret ?? defaultSimulatorWebhookSecret,
      clock: options.clock ?? systemClock,
    },
    options.webhookTargetUrl,
  );
  const app = new Hono();
  app.route('/webform_rest', apiRoutes(control));
  app.route('/_sim', controlRoutes(control));
  app.notFound((c) => drupalError(404, `No route found for "${c.req.method} ${new URL(c.req.url).pathname}"`));
  app.onError((error) => drupalError(500, error.message));

  const { url, close } = await startHttpServer(app.fetch, options);
  return Object.assign(control, { url, close });
}
