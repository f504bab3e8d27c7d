/**
 * Advisory lock keys of this service: (APP, what). One place, so two features can never pick the
 * same key by accident. APP is arbitrary but fixed; another application sharing the database would
 * have to pick another.
 */
const APP = 74_311;

export const LOCKS = {
  /** Held while migrations run: replicas starting together migrate once, one after the other. */
  migrations: [APP, 1],
  /** Held by the replica that talks to Telegram (polls, or consumes the webhook inbox). */
  telegram: [APP, 2],
} as const satisfies Record<string, readonly [number, number]>;
