// `npx tsx bench/queries.ts`: SQL statements and in-process time per hot request, for the seeded
// five-year person on a SQLite file (the production setup), one request at a time. Where the
// bench's figures say a request is slow, this says what it does.
import { ORIGIN, seededInProcess } from "./in-process";

const { app, person, counter, headers, close } = await seededInProcess(
  Number(process.env.SCALE ?? 1),
  "queries",
);
try {
  const goal = person.goals[0];
  if (!goal) throw new Error("no goal");
  const call = async (label: string, method: string, path: string, body?: unknown) => {
    let answer: Response | undefined;
    const times: number[] = [];
    let count = 0;
    for (let i = 0; i < 5; i++) {
      counter.reset();
      const started = performance.now();
      answer = await app.request(`${ORIGIN}${path}`, {
        method,
        headers,
        ...(body ? { body: JSON.stringify(typeof body === "function" ? body() : body) } : {}),
      });
      const text = await answer.text();
      times.push(performance.now() - started);
      count = counter.count;
      if (answer.status >= 300) throw new Error(`${label}: ${answer.status} ${text}`);
      if (method === "POST" && path === "/api/attempts") lastAttempt = JSON.parse(text).attempt.id;
    }
    times.sort((a, b) => a - b);
    if (process.env.VERBOSE) console.log(`  ${counter.statements.join("\n  ")}`);
    console.log(
      `${label.padEnd(34)} ${String(count).padStart(3)} statements  ${times[2]?.toFixed(1).padStart(6)} ms (median of 5)`,
    );
  };
  let lastAttempt = "";
  await call("GET /api/me", "GET", "/api/me");
  await call("GET /api/today", "GET", "/api/today");
  await call("GET /api/rhythm/today", "GET", "/api/rhythm/today");
  await call("GET /api/audits (latest)", "GET", "/api/audits?order=newest&limit=1");
  await call("GET /api/goals/:id", "GET", `/api/goals/${goal.id}`);
  await call("GET /api/attempts?goalId", "GET", `/api/attempts?goalId=${goal.id}`);
  await call("GET /api/insights", "GET", "/api/insights");
  await call("GET /api/doubt", "GET", "/api/doubt");
  await call("POST /api/attempts", "POST", "/api/attempts", {
    stepId: goal.stepIds[2],
    outcome: "done",
    effort: 3,
    difficulty: 3,
  });
  await call(
    "PUT /api/attempts/:id/debrief",
    "PUT",
    "/api/attempts/x/debrief".replace("x", lastAttempt),
    {
      didWell: "kept going",
      capability: "more than I thought",
      attributions: { effort: 3, strategy: 3, ability: 2, luck: 1, help: 1, easy: 1 },
    },
  );
  await call("POST /api/audits", "POST", "/api/audits", {
    ratings: person.domainIds.map((domainId) => ({ domainId, rating: 50 })),
  });
} finally {
  await close();
}
