import { type Db, readVersionOf } from "@cando/storage";

/**
 * Reads computed from a person's whole history (Insights, Doubt's calibration) or from much of it
 * (Today's page), cached in this process per person and key, valid while the person's read
 * version (in the database, bumped by triggers in every write transaction that changes the
 * inputs) is the one they were computed at.
 * The version is read before the data, so a cached value is never older than its version; two
 * server processes share the version and keep their own values. Rebuilt by recomputing: the
 * cache holds nothing that is not a function of the history.
 */
export class ReadCache {
  private readonly entries = new Map<string, { version: number; value: unknown }>();
  /** Computations under way, by person, key and version: concurrent misses share one. */
  private readonly pending = new Map<string, Promise<unknown>>();

  // Room for every cached read of a few hundred people active at once (Today's page, Insights,
  // Doubt: tens of KiB each).
  constructor(private readonly capacity = 1024) {}

  async get<T>(
    db: Db,
    userId: string,
    key: string,
    compute: () => Promise<T>,
    /** Whether a value of the current version still holds now (a read that depends on the day). */
    fresh: (value: T) => boolean = () => true,
  ): Promise<T> {
    const version = await readVersionOf(db, userId);
    const id = `${userId}\u0001${key}`;
    const hit = this.entries.get(id);
    if (hit && hit.version === version && fresh(hit.value as T)) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(id);
      this.entries.set(id, hit);
      return hit.value as T;
    }
    // Ten requests arriving together after a write would otherwise each rebuild from the whole
    // history at once; they wait for the one rebuild instead.
    const flight = `${id}\u0001${version}`;
    // (A value computed at this version but gone stale with time is rebuilt by the next miss.)
    const running = this.pending.get(flight);
    if (running) return (await running) as T;
    const promise = compute();
    this.pending.set(flight, promise);
    let value: T;
    try {
      value = await promise;
    } finally {
      this.pending.delete(flight);
    }
    this.entries.delete(id);
    this.entries.set(id, { version, value });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

// One cache per app (its deps object), so test apps over different databases never share one.
const caches = new WeakMap<object, ReadCache>();

export function readCacheOf(deps: object): ReadCache {
  let cache = caches.get(deps);
  if (!cache) {
    cache = new ReadCache();
    caches.set(deps, cache);
  }
  return cache;
}
