import type functions from '@azure/functions';
import type { Engine } from '../engine.js';
import { withLogContext } from '../../adapters/system/logContext.js';
import { serveWithHono } from './toAzureResponse.js';

type FunctionsApp = typeof functions.app;

/** Declares the engine's functions to the Azure Functions runtime: one HTTP function for all routes. */
export function registerFunctions(app: FunctionsApp, engine: Engine): void {
  app.http('http', {
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    authLevel: 'anonymous',
    route: '{*path}',
    handler: (request, context) => withLogContext({ invocationId: context.invocationId }, () => serveWithHono(engine.http, request)),
  });
  for (const fn of engine.queueFunctions) {
    app.storageQueue(fn.name, {
      queueName: fn.queueName,
      connection: 'AzureWebJobsStorage',
      handler: (message, context) => fn.handle(message, { dequeueCount: Number(context.triggerMetadata?.dequeueCount ?? 1), invocationId: context.invocationId }),
    });
  }
  for (const fn of engine.timerFunctions) {
    app.timer(fn.name, { schedule: fn.schedule, handler: (_timer, context) => withLogContext({ invocationId: context.invocationId, function: fn.name }, () => fn.handle()) });
  }
}
