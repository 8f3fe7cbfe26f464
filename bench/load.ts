// A closed-loop load generator over keep-alive HTTP: N connections, each sending its next request
// as soon as the previous one answers, for a fixed time. Unlike autocannon it lets each connection
// be a different person and a request use the previous answer (log an attempt, then debrief it).
import http from "node:http";

export interface Answer {
  status: number;
  body: string;
  bytes: number;
  headers: http.IncomingHttpHeaders;
}

export interface Client {
  get(path: string, headers?: Record<string, string>): Promise<Answer>;
  send(
    method: string,
    path: string,
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<Answer>;
}

export interface LoadResult {
  label: string;
  connections: number;
  seconds: number;
  requests: number;
  /** Iterations of the connection's script (a page of four calls, an attempt with its debrief). */
  iterations: number;
  errors: number;
  non2xx: number;
  p50: number;
  p99: number;
  max: number;
  /** Requests per second. */
  rate: number;
  /** Iterations per second. */
  iterationRate: number;
  maxBytes: number;
  firstError?: string;
  /** The slowest requests (method and path, ids left out), slowest first: where a p99 comes from. */
  slowest: { what: string; ms: number; at: number }[];
}

/** Percentile of sorted numbers (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

/** One HTTP client per origin; `record` sees every answered request with its latency. */
export function client(
  origin: string,
  agent: http.Agent,
  base: Record<string, string>,
  record: (ms: number, answer: Answer | undefined, error?: unknown, what?: string) => void,
): Client {
  const url = new URL(origin);
  const request = (method: string, path: string, body: string | undefined, headers = {}) =>
    new Promise<Answer>((resolve, reject) => {
      const started = performance.now();
      const what = `${method} ${path.replace(/\?.*/, "").replace(/\/[\w-]*\d[\w-]*/g, "/:id")}`;
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          method,
          path,
          agent,
          headers: {
            ...base,
            ...(body !== undefined
              ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) }
              : {}),
            ...headers,
          },
          timeout: 10_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const buffer = Buffer.concat(chunks);
            const answer = {
              status: res.statusCode ?? 0,
              body: buffer.toString("utf8"),
              bytes: buffer.length,
              headers: res.headers,
            };
            record(performance.now() - started, answer, undefined, what);
            resolve(answer);
          });
          res.on("error", (error) => {
            record(performance.now() - started, undefined, error);
            reject(counted(error));
          });
        },
      );
      req.on("timeout", () => req.destroy(new Error("timed out after 10 s")));
      req.on("error", (error) => {
        record(performance.now() - started, undefined, error);
        reject(counted(error));
      });
      req.end(body);
    });
  return {
    get: (path, headers) => request("GET", path, undefined, headers),
    send: (method, path, body, headers) =>
      request(method, path, JSON.stringify(body), { origin, ...headers }),
  };
}

/**
 * Runs `script` on each of `connections` loops for `seconds`. `script(c, i, n)` gets a client,
 * the loop's index and its iteration count; it throws to count an error (the loop goes on).
 */
export async function runLoad(
  label: string,
  origin: string | ((i: number) => string),
  connections: number,
  seconds: number,
  script: (c: Client, loop: number, iteration: number) => Promise<void>,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  let maxBytes = 0;
  let iterations = 0;
  let firstError: string | undefined;
  const slowest: { what: string; ms: number; at: number }[] = [];
  const started = performance.now();
  const record = (ms: number, answer: Answer | undefined, error?: unknown, what = "?") => {
    if (error !== undefined || !answer) {
      errors++;
      firstError ??= String(error);
      return;
    }
    latencies.push(ms);
    if (slowest.length < 5 || ms > (slowest[slowest.length - 1]?.ms ?? 0)) {
      // When it was sent, in seconds from the start: a burst at the start is not a steady state.
      slowest.push({ what, ms, at: (performance.now() - ms - started) / 1000 });
      slowest.sort((a, b) => b.ms - a.ms);
      slowest.length = Math.min(slowest.length, 5);
    }
    maxBytes = Math.max(maxBytes, answer.bytes);
    if (answer.status < 200 || answer.status > 299) {
      non2xx++;
      firstError ??= `${answer.status} ${answer.body.slice(0, 200)}`;
    }
  };
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, loop) => {
      const c = client(typeof origin === "string" ? origin : origin(loop), agent, {}, record);
      for (let n = 0; performance.now() < until; n++) {
        try {
          await script(c, loop, n);
          iterations++;
        } catch (error) {
          // Counted by `record` when it was the request; otherwise it is the script's.
          if (!(error instanceof Error && error.name === "Counted")) {
            errors++;
            firstError ??= String(error);
          }
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    label,
    connections,
    seconds: elapsed,
    requests: latencies.length,
    iterations,
    errors,
    non2xx,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? Number.NaN,
    rate: latencies.length / elapsed,
    iterationRate: iterations / elapsed,
    maxBytes,
    slowest,
    ...(firstError ? { firstError } : {}),
  };
}

// An error already counted (a failed request, or a non-2xx answer): the loop does not count it again.
function counted(error: Error): Error {
  error.name = "Counted";
  return error;
}

/** Throws unless the answer is the expected status; returns the parsed JSON. */
export function expectJson<T>(answer: Answer, status: number): T {
  if (answer.status !== status) {
    const error = new Error(`expected ${status}, got ${answer.status}`);
    // A non-2xx is counted by the client; a wrong 2xx counts as the script's error.
    if (answer.status >= 200 && answer.status < 300) throw error;
    throw counted(error);
  }
  return JSON.parse(answer.body) as T;
}
