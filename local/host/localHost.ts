import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Logger } from '../../domain/shared/Logger.js';
import type { Engine } from '../../handlers/engine.js';
import { poisonQueueOf, queueNames as engineQueues } from '../../handlers/queue/queueNames.js';
import { type QueueRunnerOptions, type RunningQueueFunction, functionsQueueDefaults, runQueueFunction } from './queueRunner.js';
import { type RunningTimer, runTimerFunction } from './timerRunner.js';

export interface LocalHost {
  url: string;
  stop(): Promise<void>;
}

/**
 * The local stand-in for the Azure Functions host: serves the engine's HTTP app, runs its queue
 * functions against Azurite and its timers on their schedules.
 */
export async function startLocalHost(
  engine: Engine,
  options: { host?: string; port?: number; queue?: Partial<QueueRunnerOptions>; runTimers?: boolean; logger: Logger },
): Promise<LocalHost> {
  const queueNames = engine.queueFunctions.flatMap((fn) => [fn.queueName, poisonQueueOf(fn.queueName)]);
  await engine.queues.ensureQueues([...new Set([...queueNames, ...Object.values(engineQueues)])]);
  const runnerOptions = { ...functionsQueueDefaults, ...options.queue };
  const runners: RunningQueueFunction[] = engine.queueFunctions.map((fn) =>
    runQueueFunction(fn, engine.queues.client(), runnerOptions, options.logger),
  );
  const timers: RunningTimer[] = options.runTimers === false ? [] : engine.timerFunctions.map((fn) => runTimerFunction(fn, options.logger));
  const hostname = options.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: engine.http.fetch, hostname, port: options.port ?? 0 }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${hostname}:${port}`,
    stop: async () => {
      timers.forEach((timer) => timer.stop());
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await Promise.all(runners.map((runner) => runner.stop()));
    },
  };
}
