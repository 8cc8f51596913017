import type { Clock } from '../../../domain/shared/Clock.js';
import { systemClock } from '../../../adapters/system/systemClock.js';
import { type ListenOptions, startHttpServer } from '../shared/httpServer.js';
import { createSignInApp } from './app.js';
import { SimulatorControl } from './SimulatorControl.js';

export interface SignInSimulatorOptions extends ListenOptions {
  clock?: Clock;
}

export type SignInSimulator = SimulatorControl & { close(): Promise<void> };

/** Starts the Entra ID staff sign-in simulator (see README.md in this folder). */
export async function startSignInSimulator(options: SignInSimulatorOptions = {}): Promise<SignInSimulator> {
  const clock = options.clock ?? systemClock;
  const control = new SimulatorControl(clock);
  await control.tokens.start();
  const { url, close } = await startHttpServer(createSignInApp(control, clock).fetch, options);
  control.url = url;
  return Object.assign(control, { close });
}
