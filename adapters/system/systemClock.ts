import type { Clock } from '../../domain/shared/Clock.js';

export const systemClock: Clock = { now: () => new Date() };
