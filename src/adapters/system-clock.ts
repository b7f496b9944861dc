/** The real clock, for the composition root; everything else receives a Clock. */
import type { Clock } from '../app/ports.ts';

/** Reads the machine's time. */
export const systemClock: Clock = { now: () => new Date() };
