/** Time and ids are passed in, so that the core and its tests are deterministic. */
export interface Clock {
  now(): Date;
}

export type IdGenerator = () => string;

export const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of an instant, in UTC. */
export function isoDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
