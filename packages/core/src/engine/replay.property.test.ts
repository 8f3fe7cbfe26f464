import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type LadderModel, setStepOverride, updateWithAttempt } from "./ladder-model";
import type { AttemptOutcome } from "./outcome";
import {
  foldsLast,
  type LadderFactAttempt,
  type LadderFactStep,
  type LadderFacts,
  replayLadderModel,
} from "./replay";

// The stored model is a cache: maintained incrementally (an attempt that sorts last is folded in,
// an override is set in place, anything else replays), it must always equal the replay.

const HOUR = 3_600_000;
const START = Date.UTC(2026, 0, 1);

const confidence = fc.option(
  fc.integer({ min: 0, max: 10 }).map((x) => x * 10),
  { nil: null },
);
const outcome = fc.constantFrom<AttemptOutcome>("done", "partly", "not_yet");
const pick = fc.nat({ max: 1000 });

const operation = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("append" as const),
      pick,
      outcome,
      gapHours: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 24 * 40 })),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("backdate" as const),
      pick,
      outcome,
      hoursBack: fc.integer({ min: 0, max: 24 * 60 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("edit" as const),
      pick,
      outcome,
      shiftHours: fc.integer({ min: -24 * 30, max: 24 * 30 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete" as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("addStep" as const), pick, confidence }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("reorder" as const),
      order: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 15, maxLength: 15 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("archive" as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("rerate" as const), pick, confidence }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("override" as const),
      pick,
      value: fc.constantFrom("mastered" as const, "unmastered" as const, null),
    }),
  },
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

type State = {
  steps: LadderFactStep[];
  attempts: LadderFactAttempt[];
  model: LadderModel | null;
  latest: number;
  counter: number;
};

const facts = (s: State): LadderFacts => ({ steps: s.steps, attempts: s.attempts });
const activeOf = (s: State) => s.steps.filter((x) => !x.archived);
const iso = (ms: number) => new Date(ms).toISOString();

/** Applies one operation to the facts and maintains the model the way the server does. */
function apply(s: State, op: Operation): State {
  const active = activeOf(s);
  // Ids whose text order differs from their creation order (a10 < a9), so ties are tested.
  const nextId = (prefix: string) => `${prefix}${s.counter + 1}`;
  const replay = (next: Omit<State, "model">): State => ({
    ...next,
    model: replayLadderModel(facts({ ...next, model: null })),
  });

  switch (op.kind) {
    case "append":
    case "backdate": {
      const step = active[op.pick % active.length];
      if (!step) return s;
      const ms =
        op.kind === "append" ? s.latest + op.gapHours * HOUR : s.latest - op.hoursBack * HOUR;
      const attempt = { id: nextId("a"), stepId: step.id, outcome: op.outcome, at: iso(ms) };
      const next = {
        ...s,
        attempts: [...s.attempts, attempt],
        latest: Math.max(s.latest, ms),
        counter: s.counter + 1,
      };
      const lastAdded = s.steps.reduce((m, x) => (x.addedAt > m ? x.addedAt : m), iso(START));
      if (s.model && foldsLast(s.model, attempt.at, lastAdded)) {
        return { ...next, model: updateWithAttempt(s.model, attempt) };
      }
      return replay(next);
    }
    case "edit": {
      const target = s.attempts[op.pick % Math.max(1, s.attempts.length)];
      if (!target) return s;
      const ms = Date.parse(target.at) + op.shiftHours * HOUR;
      const attempts = s.attempts.map((a) =>
        a === target ? { ...a, outcome: op.outcome, at: iso(ms) } : a,
      );
      return replay({ ...s, attempts, latest: Math.max(s.latest, ms) });
    }
    case "delete": {
      const target = s.attempts[op.pick % Math.max(1, s.attempts.length)];
      if (!target) return s;
      return replay({ ...s, attempts: s.attempts.filter((a) => a !== target) });
    }
    case "addStep": {
      if (active.length >= 15) return s;
      const at = op.pick % (s.steps.length + 1);
      // Added now: at the latest instant so far.
      const step = {
        id: nextId("s"),
        confidence: op.confidence,
        addedAt: iso(s.latest),
        archived: false,
        override: null,
      };
      const steps = [...s.steps.slice(0, at), step, ...s.steps.slice(at)];
      return replay({ ...s, steps, counter: s.counter + 1 });
    }
    case "reorder": {
      const shuffled = active
        .map((x, i) => ({ x, key: op.order[i] ?? 0 }))
        .sort((a, b) => a.key - b.key)
        .map((e) => e.x);
      let k = 0;
      const steps = s.steps.map((x) => (x.archived ? x : (shuffled[k++] ?? x)));
      return replay({ ...s, steps });
    }
    case "archive": {
      const target = active[op.pick % active.length];
      if (!target || active.length <= 1) return s;
      // As the app does: a step with attempts is archived, one without is deleted.
      const used = s.attempts.some((a) => a.stepId === target.id);
      const steps = used
        ? s.steps.map((x) => (x === target ? { ...x, archived: true } : x))
        : s.steps.filter((x) => x !== target);
      return replay({ ...s, steps });
    }
    case "rerate": {
      const target = active[op.pick % active.length];
      if (!target) return s;
      const steps = s.steps.map((x) => (x === target ? { ...x, confidence: op.confidence } : x));
      return replay({ ...s, steps });
    }
    case "override": {
      const target = active[op.pick % active.length];
      if (!target || !s.model) return s;
      const steps = s.steps.map((x) => (x === target ? { ...x, override: op.value } : x));
      return { ...s, steps, model: setStepOverride(s.model, target.id, op.value) };
    }
  }
}

const ladder = fc.array(confidence, { minLength: 1, maxLength: 8 }).map((cs): State => {
  const steps = cs.map((c, i) => ({
    id: `s${i + 1}`,
    confidence: c,
    addedAt: iso(START),
    archived: false,
    override: null,
  }));
  return {
    steps,
    attempts: [],
    model: replayLadderModel({ steps, attempts: [] }),
    latest: START,
    counter: cs.length,
  };
});

describe("the ladder model as a replay (properties)", () => {
  it("the incrementally maintained model equals the replay after any sequence of operations", () => {
    fc.assert(
      fc.property(ladder, fc.array(operation, { maxLength: 40 }), (start, ops) => {
        let s = start;
        for (const op of ops) {
          s = apply(s, op);
          expect(s.model).toEqual(replayLadderModel(facts(s)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("does not depend on the order the attempts are given in, and survives JSON", () => {
    fc.assert(
      fc.property(ladder, fc.array(operation, { maxLength: 30 }), fc.nat(), (start, ops, seed) => {
        let s = start;
        for (const op of ops) s = apply(s, op);
        const shuffled = [...s.attempts].sort(
          (a, b) =>
            ((a.id.length * 31 + seed) % 7) - ((b.id.length * 31 + seed) % 7) ||
            (a.id < b.id ? 1 : -1),
        );
        const model = replayLadderModel({ steps: s.steps, attempts: shuffled });
        expect(model).toEqual(replayLadderModel(facts(s)));
        expect(JSON.parse(JSON.stringify(model))).toEqual(model);
      }),
    );
  });
});
