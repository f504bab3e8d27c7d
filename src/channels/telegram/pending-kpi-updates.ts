import { randomBytes } from 'node:crypto';
import type { KpiUpdate } from '../../storage/store.js';

/** How long a /setkpi confirmation button stays valid. */
export const CONFIRM_TTL_MS = 10 * 60_000;

/**
 * /setkpi updates waiting for the admin's ✅: nothing is written until the admin has seen the
 * indicator's full name and confirmed. Each key works once, for the admin who asked, until it
 * expires; the map is bounded (oldest dropped first).
 */
export interface PendingKpiUpdates {
  /** Parks an update for `adminId`; returns the short key the confirm/cancel buttons carry. */
  park(update: KpiUpdate, adminId: number): string;
  /** Takes the update out (once) when `adminId` parked it and it has not expired. */
  take(key: string, adminId: number): KpiUpdate | undefined;
}

export function createPendingKpiUpdates(
  options: { now?: () => number; ttlMs?: number; capacity?: number } = {},
): PendingKpiUpdates {
  const now = options.now ?? Date.now;
  const ttlMs = options.ttlMs ?? CONFIRM_TTL_MS;
  const capacity = options.capacity ?? 100;
  const pending = new Map<string, { update: KpiUpdate; adminId: number; expiresAt: number }>();
  return {
    park(update, adminId) {
      const key = randomBytes(6).toString('base64url');
      pending.set(key, { update, adminId, expiresAt: now() + ttlMs });
      if (pending.size > capacity) pending.delete(pending.keys().next().value as string);
      return key;
    },
    take(key, adminId) {
      const entry = pending.get(key);
      if (!entry || entry.adminId !== adminId) return undefined;
      pending.delete(key);
      return now() < entry.expiresAt ? entry.update : undefined;
    },
  };
}
