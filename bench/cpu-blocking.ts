// A steadier companion to Lighthouse's Total Blocking Time on a shared machine. Lighthouse
// (simulated throttling) counts each main-thread task's wall time × 4 (its CPU slowdown); when
// other work competes for the cores, the page's tasks wait off-CPU and their wall time, and so
// TBT, grows with the machine's load, not with the page. This counts the same way with each
// task's thread (CPU) time instead: Σ max(0, 4 × CPU ms − 50) over the main thread's tasks from
// the first contentful paint on. Use it to compare two builds; the score is still Lighthouse's.

/** The trace events this reads (a Chromium trace, as Lighthouse keeps it in `artifacts.Trace`). */
export interface TraceEventLike {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { frame?: string };
}

const SLOWDOWN = 4;
const BLOCKING_MS = 50;

/** The blocking time from CPU time (ms), or NaN when the trace has no first contentful paint. */
export function cpuBlockingTime(events: readonly TraceEventLike[]): number {
  const fcp = events.find((e) => e.name === "firstContentfulPaint" && e.args?.frame);
  if (fcp === undefined) return Number.NaN;
  let blocking = 0;
  for (const e of events) {
    if (e.name !== "RunTask" || e.ph !== "X" || e.pid !== fcp.pid || e.tid !== fcp.tid) continue;
    if (e.ts < fcp.ts) continue;
    const cpuMs = (e.tdur ?? e.dur ?? 0) / 1000;
    blocking += Math.max(0, SLOWDOWN * cpuMs - BLOCKING_MS);
  }
  return blocking;
}
