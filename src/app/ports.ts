/** The interfaces the edges implement. app/ and discord/ depend on these, never on SDKs or stores. */

/** The time source; tests pass a fixed or stepping clock. */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };
