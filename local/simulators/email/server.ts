import { Hono } from 'hono';
import type { Clock } from '../../../domain/shared/Clock.js';
import { systemClock } from '../../../adapters/system/systemClock.js';
import { type ListenOptions, startHttpServer } from '../shared/httpServer.js';
import { acsError } from './acsError.js';
import { apiRoutes } from './apiRoutes.js';
import { controlRoutes } from './controlRoutes.js';
import { SimulatorControl } from './SimulatorControl.js';

export interface EmailSimulatorOptions extends ListenOptions {
  /** The access key (base64) requests must be signed with; default `defaultSimulatorAccessKey`. */
  accessKey?: string;
  /** Status reads answered `Running` before an operation ends; default 1. */
  runningStatusReads?: number;
  /** `retry-after` seconds on `Running` answers, as ACS sends them; default: left out. */
  statusRetryAfterSeconds?: number;
  clock?: Clock;
}

export type EmailSimulator = SimulatorControl & {
  /** e.g. "http://127.0.0.1:7074": the resource's endpoint. */
  url: string;
  /** `endpoint=<url>/;accesskey=<accessKey>`: what `EmailClient` and ACS_EMAIL_CONNECTION_STRING take. */
  connectionString: string;
  close(): Promise<void>;
};

/** A fixed, obviously local key (base64 of "ms-engine-local-acs-email-access-key"). */
export const defaultSimulatorAccessKey = Buffer.from('ms-engine-local-acs-email-access-key').toString('base64');


/** Starts the Azure Communication Services Email simulator (see README.md in this folder). */
export async function startEmailSimulator(options: EmailSimulatorOptions = {}): Promise<EmailSimulator> {
  const accessKey = options.accessKey ?? defaultSimulatorAccessKey;
  const control = new SimulatorControl({
    accessKey,
    clock: options.clock ?? systemClock,
    runningStatusReads: options.runningStatusReads ?? 1,
    ...(options.statusRetryAfterSeconds !== undefined && { statusRetryAfterSeconds: options.statusRetryAfterSeconds }),
  });
  const app = new Hono();
  app.route('/_sim', controlRoutes(control));
  app.route('/', apiRoutes(control));
  app.notFound(() => acsError(404, 'NotFound', 'The requested resource was not found.'));
  app.onError((error) => acsError(500, 'InternalServerError', error.message));

  const { url, close } = await startHttpServer(app.fetch, options);
  return Object.assign(control, { url, connectionString: `endpoint=${url}/;accesskey=${accessKey}`, close });
}
