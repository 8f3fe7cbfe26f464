import { createLadderModel, type LadderModel, recommendNext } from "../src/engine";

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
};

/** The engine's recommendation (it drives the engine API only). */
export function adaptivePolicy(): Policy {
  return {
    name: "adaptive",
    choose(model) {
      const rec = recommendNext(model);
      return rec.stepIndex;
    },
    observe() {},
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
