import {
  createLadderModel,
  type LadderModel,
  type Recommendation,
  recommendNext,
  type SplitSuggestion,
  suggestSplit,
} from "../src/engine";

/**
 * Policies choose the next step. Each sees only what an app would see: the ladder, the person's
 * stated confidences and the outcomes so far, never the learner's true skill.
 */
export type PolicyName = "adaptive" | "fixed" | "easiest_unmastered";

export type Policy = {
  name: PolicyName;
  /** Index of the step to attempt next. `model` is the engine's model, updated after every attempt. */
  choose(model: LadderModel): number;
  /** Told after each attempt. */
  observe(step: number, done: boolean): void;
  /** A smaller step the person adds before choosing (the split flow), or null. */
  split?(model: LadderModel): SplitSuggestion | null;
};

/** At most this many steps are added to one ladder by the split flow (a ladder has ≤ 15 steps). */
export const MAX_SPLITS = 4;

/**
 * The engine's recommendation (it drives the engine API only). When it says "split", the person
 * follows the goal page's flow: adds the smaller step where it is placed, at the suggested
 * confidence, up to MAX_SPLITS times; otherwise they practise the step it names meanwhile.
 */
export function adaptivePolicy(): Policy {
  let splits = 0;
  // split() and choose() see the same model between attempts: recommend once.
  let seen: LadderModel | null = null;
  let last: Recommendation | null = null;
  const recommend = (model: LadderModel): Recommendation => {
    if (model !== seen || last === null) {
      seen = model;
      last = recommendNext(model);
    }
    return last;
  };
  return {
    name: "adaptive",
    choose(model) {
      return recommend(model).stepIndex;
    },
    observe() {},
    split(model) {
      if (splits >= MAX_SPLITS) return null;
      const rec = recommend(model);
      if (rec.action !== "split" || rec.splitStepId === null) return null;
      splits++;
      return suggestSplit(model, rec.splitStepId);
    },
  };
}

/** A fixed ladder: start at the first step, move up after one success, never move back. */
export function fixedPolicy(steps: number): Policy {
  let current = 0;
  return {
    name: "fixed",
    choose: () => current,
    observe(step, done) {
      if (done && step === current) current = Math.min(current + 1, steps - 1);
    },
  };
}

/** Always the easiest step not yet mastered, mastered meaning two of its last three attempts done. */
export function easiestUnmasteredPolicy(steps: number): Policy {
  const recent: boolean[][] = Array.from({ length: steps }, () => []);
  const mastered = (j: number) => (recent[j] ?? []).filter(Boolean).length >= 2;
  return {
    name: "easiest_unmastered",
    choose() {
      for (let j = 0; j < steps; j++) if (!mastered(j)) return j;
      return steps - 1;
    },
    observe(step, done) {
      const list = recent[step];
      if (!list) return;
      list.push(done);
      if (list.length > 3) list.shift();
    },
  };
}

export function createModelFor(confidence: readonly number[]): LadderModel {
  return createLadderModel(confidence.map((c, i) => ({ id: `s${i + 1}`, confidence: c })));
}
