import { describe, expect, it } from 'vitest';
import {
  CONFIRM_TTL_MS,
  createPendingKpiUpdates,
} from '../../../src/channels/telegram/pending-kpi-updates.js';
import type { KpiUpdate } from '../../../src/storage/store.js';

const update: KpiUpdate = { kpiId: 'jobs', year: 2023, kind: 'actual', value: 1, by: 'telegram:x' };

describe('pending /setkpi confirmations', () => {
  it('hand the update back once, to the admin who asked, before it expires', () => {
    let now = 1_000;
    const pending = createPendingKpiUpdates({ now: () => now });
    const key = pending.park(update, 7);
    expect(key).toMatch(/^[\w-]{8}$/);
    expect(pending.take(key, 8)).toBeUndefined();
    now += CONFIRM_TTL_MS - 1;
    expect(pending.take(key, 7)).toEqual(update);
    expect(pending.take(key, 7)).toBeUndefined();
  });

  it('expire after the confirmation window', () => {
    let now = 0;
    const pending = createPendingKpiUpdates({ now: () => now });
    const key = pending.park(update, 7);
    now += CONFIRM_TTL_MS;
    expect(pending.take(key, 7)).toBeUndefined();
  });

  it('keep at most `capacity` updates, dropping the oldest', () => {
    const pending = createPendingKpiUpdates({ capacity: 2 });
    const first = pending.park(update, 7);
    const second = pending.park(update, 7);
    const third = pending.park(update, 7);
    expect(pending.take(first, 7)).toBeUndefined();
    expect(pending.take(second, 7)).toEqual(update);
    expect(pending.take(third, 7)).toEqual(update);
  });
});
