import type { Evidence, RoutineBlock, RoutineRun } from "@cando/core";
import {
  breathingPattern,
  PHASE_LABELS,
  phaseAt,
  ROUTINE_BLOCK_LABELS,
  routineSchedule,
  type Stopwatch,
  stopwatch,
} from "@cando/core/constants";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { api, errorMessage } from "../../api/client";
import { useLoad } from "../../api/use-load";
import { LoadError, Loading } from "../../ui/feedback";
import { Page } from "../../ui/page";
import { canVibrate, keepScreenOn, playTone, prefersReducedMotion, vibrate } from "./cues";
import { Pacer } from "./pacer";
import {
  formatSeconds,
  type PrepareResponse,
  parseSleep,
  SUGGESTED_ROUTINE,
  scheduleBlock,
  startPath,
} from "./prepare";
import {
  EvidenceReview,
  RehearsalBlock,
  StateCheck,
  type StateValues,
  WarmupBlock,
} from "./runner-blocks";
import "./prepare.css";

type Plan = {
  routineId: string | null;
  name: string;
  blocks: RoutineBlock[];
  evidence: Evidence[];
};

/** `/prepare?goalId=…&stepId=…`: the routine before an attempt at a step (or on its own). */
export function RunnerPage(props: { query?: Record<string, string> }) {
  const goalId = props.query?.goalId;
  const stepId = props.query?.stepId;
  const { state, reload } = useLoad(async (): Promise<Plan> => {
    if (stepId) {
      const prep = await api.get<PrepareResponse>(
        `/api/steps/${encodeURIComponent(stepId)}/prepare`,
      );
      const routine = prep.routine ?? { id: null, ...SUGGESTED_ROUTINE };
      return {
        routineId: routine.id,
        name: routine.name,
        blocks: routine.blocks,
        evidence: prep.evidence,
      };
    }
    const { routines } = await api.get<{ routines: (PrepareResponse["routine"] & object)[] }>(
      "/api/routines",
    );
    const routine = routines.find((r) => r.goalId === null) ?? { id: null, ...SUGGESTED_ROUTINE };
    const needsEvidence = routine.blocks.some((b) => b.kind === "evidence");
    const evidence = needsEvidence
      ? (await api.get<{ evidence: Evidence[] }>("/api/doubt")).evidence.slice(0, 3)
      : [];
    return { routineId: routine.id, name: routine.name, blocks: routine.blocks, evidence };
  });
  return (
    <Page title="Your routine">
      {state.status === "loading" && <Loading what="your routine" />}
      {state.status === "error" && <LoadError error={state.error} retry={reload} />}
      {state.status === "ready" && <Runner plan={state.data} goalId={goalId} stepId={stepId} />}
    </Page>
  );
}

type Phase = "intro" | "running" | "done";

function Runner(props: { plan: Plan; goalId?: string | undefined; stepId?: string | undefined }) {
  const { plan } = props;
  const schedule = useMemo(() => routineSchedule(plan.blocks.map(scheduleBlock)), [plan.blocks]);
  const [phase, setPhase] = useState<Phase>("intro");
  const [index, setIndex] = useState(0);
  const [blockWatch, setBlockWatch] = useState<Stopwatch>({ bankedMs: 0, runningSince: null });
  const [totalWatch, setTotalWatch] = useState<Stopwatch>({ bankedMs: 0, runningSince: null });
  const [now, setNow] = useState(() => performance.now());
  const [done, setDone] = useState<boolean[]>([]);
  const [sound, setSound] = useState(false);
  const [buzz, setBuzz] = useState(false);
  const [values, setValues] = useState<StateValues>({ anxiety: null, energy: null, sleep: "" });
  const [saved, setSaved] = useState<RoutineRun | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [seconds, setSeconds] = useState(0);
  const startedAt = useRef<Date>(new Date());
  const lastCue = useRef("");
  const release = useRef<() => void>(() => {});
  const reducedMotion = useMemo(prefersReducedMotion, []);
  const paused = blockWatch.runningSince === null;

  const segment = schedule[index];
  const block = plan.blocks[index];
  const elapsed = stopwatch.elapsed(blockWatch, now);
  const position =
    segment && segment.kind === "breathing" ? phaseAt(segment.phases, elapsed) : null;

  // The clock: a tick re-reads the monotonic clock; positions are computed from elapsed time,
  // so a late or skipped tick never adds up to drift.
  useLayoutEffect(() => {
    if (phase !== "running") return;
    const timer = setInterval(() => setNow(performance.now()), 100);
    return () => clearInterval(timer);
  }, [phase]);

  useEffect(() => () => release.current(), []);

  // A timed block ends by itself.
  useEffect(() => {
    if (phase !== "running" || !segment || segment.durationMs === null || paused) return;
    if (elapsed >= segment.durationMs) next(true);
  });

  // What the live region says: the block, and each breathing phase as it starts (never a
  // per-second count). Derived from the clock, so it is right on every render.
  let liveText = "";
  let cueKey = "";
  if (phase === "running" && segment) {
    cueKey = `block-${index}`;
    liveText = `${ROUTINE_BLOCK_LABELS[segment.kind]}.`;
    if (position && !position.done) {
      cueKey = `${index}-${position.index}`;
      liveText =
        position.index === 0
          ? `${ROUTINE_BLOCK_LABELS.breathing}. ${PHASE_LABELS[position.phase.kind]}.`
          : `${PHASE_LABELS[position.phase.kind]}.`;
    }
    if (paused && segment.durationMs !== null) liveText = "Paused.";
  }

  // Optional cues at each breathing phase.
  useEffect(() => {
    if (cueKey === lastCue.current) return;
    lastCue.current = cueKey;
    if (!position || position.done) return;
    const inward = position.phase.kind === "inhale" || position.phase.kind === "top_up";
    if (sound && position.phase.kind !== "hold" && position.phase.kind !== "hold_after")
      playTone(inward);
    if (buzz) vibrate(inward ? 60 : 30);
  });

  async function begin() {
    const t = performance.now();
    startedAt.current = new Date();
    setNow(t);
    setBlockWatch(stopwatch.start(t));
    setTotalWatch(stopwatch.start(t));
    setPhase("running");
    release.current = await keepScreenOn();
  }

  function pauseOrResume() {
    const t = performance.now();
    setNow(t);
    if (paused) {
      setBlockWatch((w) => stopwatch.resume(w, t));
      setTotalWatch((w) => stopwatch.resume(w, t));
    } else {
      setBlockWatch((w) => stopwatch.pause(w, t));
      setTotalWatch((w) => stopwatch.pause(w, t));
    }
  }

  function next(completed: boolean) {
    const t = performance.now();
    const marks = [...done, completed];
    setDone(marks);
    if (index + 1 >= plan.blocks.length) {
      finish(marks, t);
      return;
    }
    setIndex(index + 1);
    setNow(t);
    setBlockWatch(stopwatch.start(t));
    setTotalWatch((w) => stopwatch.resume(w, t));
  }

  /** Ends the routine now: the blocks not reached count as skipped; the run is still kept. */
  function stop() {
    const marks = plan.blocks.map((_, i) => (i < done.length ? (done[i] ?? false) : false));
    setDone(marks);
    finish(marks, performance.now());
  }

  async function finish(marks: boolean[], t: number) {
    release.current();
    const seconds = Math.round(stopwatch.elapsed(totalWatch, t) / 1000);
    setSeconds(seconds);
    setPhase("done");
    const sleepHours = parseSleep(values.sleep);
    try {
      const { routineRun } = await api.post<{ routineRun: RoutineRun }>("/api/routine-runs", {
        routineId: plan.routineId,
        stepId: props.stepId ?? null,
        startedAt: startedAt.current.toISOString(),
        durationSeconds: seconds,
        blocks: plan.blocks.map((b, i) => ({ kind: b.kind, done: marks[i] ?? false })),
        anxiety: values.anxiety,
        energy: values.energy,
        sleepHours,
      });
      setSaved(routineRun);
    } catch (error) {
      setSaveError(errorMessage(error));
    }
  }

  // Space pauses and resumes when no control has the focus (a focused button takes Space itself).
  useLayoutEffect(() => {
    if (phase !== "running") return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest("button, input, textarea, select, a, label")) return;
      if (event.key === " ") {
        event.preventDefault();
        pauseOrResume();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  });

  if (phase === "intro") {
    return (
      <section class="runner-intro" aria-labelledby="routine-heading">
        <h2 id="routine-heading">{plan.name}</h2>
        <p class="hint">
          A few minutes to manage your state before you start: nerves are normal before a stretch,
          and they are not a sign you cannot do it.
        </p>
        <ol class="runner-plan">
          {schedule.map((s) => (
            <li key={s.index}>
              {ROUTINE_BLOCK_LABELS[s.kind]}
              {s.durationMs !== null && (
                <span class="muted"> · {formatSeconds(s.durationMs / 1000)}</span>
              )}
            </li>
          ))}
        </ol>
        <fieldset class="runner-options">
          <legend>Cues (optional)</legend>
          <label class="choice">
            <input
              type="checkbox"
              checked={sound}
              onChange={(e) => setSound(e.currentTarget.checked)}
            />
            A soft tone at each breath
          </label>
          {canVibrate() && (
            <label class="choice">
              <input
                type="checkbox"
                checked={buzz}
                onChange={(e) => setBuzz(e.currentTarget.checked)}
              />
              Vibrate at each breath
            </label>
          )}
        </fieldset>
        <div class="form-actions">
          <button type="button" class="button" onClick={begin}>
            Begin
          </button>
          <a href="/routines">Change my routine</a>
          {props.goalId && (
            <a href={`/routines?goalId=${encodeURIComponent(props.goalId)}`}>
              A routine for this goal only
            </a>
          )}
        </div>
      </section>
    );
  }

  if (phase === "done") {
    const total = done.length;
    const kept = done.filter(Boolean).length;
    return (
      <section class="runner-done" aria-labelledby="done-heading">
        <h2 id="done-heading">Routine done</h2>
        <p>
          {kept} of {total} blocks done, in {formatSeconds(seconds)}.
        </p>
        {saveError && (
          <p class="notice" role="alert">
            {saveError}
          </p>
        )}
        {saved === null && !saveError && <p class="muted">Saving…</p>}
        {saved !== null && (
          <div class="form-actions">
            {props.goalId && props.stepId ? (
              <a class="button" href={startPath(props.goalId, props.stepId, saved)}>
                Start the attempt
              </a>
            ) : (
              <a class="button" href="/">
                Back to Today
              </a>
            )}
          </div>
        )}
        <p class="visually-hidden" aria-live="polite">
          {saved ? "Saved." : ""}
        </p>
      </section>
    );
  }

  if (!segment || !block) return null;
  const remaining = segment.durationMs === null ? null : segment.durationMs - elapsed;
  return (
    <section class="runner" aria-labelledby="block-heading">
      <p class="runner-progress">
        Block {index + 1} of {plan.blocks.length}
        {paused && <strong> · Paused</strong>}
      </p>
      <h2 id="block-heading" class="runner-heading">
        {ROUTINE_BLOCK_LABELS[segment.kind]}
      </h2>
      <p class="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="runner-live">
        {liveText}
      </p>
      <div class="runner-body">
        {block.kind === "breathing" && position && !position.done && (
          <Pacer
            phase={position.phase}
            remainingMs={position.remainingMs}
            cycles={segment.phases[segment.phases.length - 1]?.cycle ?? 1}
            reducedMotion={reducedMotion}
            paused={paused}
            hasTopUp={breathingPattern(block).topUp > 0}
          />
        )}
        {block.kind === "evidence" && <EvidenceReview evidence={plan.evidence} />}
        {block.kind === "rehearsal" && <RehearsalBlock script={block.script} />}
        {block.kind === "warmup" && <WarmupBlock items={block.items} />}
        {block.kind === "state_check" && <StateCheck values={values} onChange={setValues} />}
        {remaining !== null && (
          <p class="runner-time">
            <span class="visually-hidden">Time left in this block: </span>
            {formatSeconds(Math.ceil(remaining / 1000))}
          </p>
        )}
      </div>
      <div class="runner-controls">
        {segment.durationMs === null ? (
          <button type="button" class="button" onClick={() => next(true)}>
            {index + 1 >= plan.blocks.length ? "Finish" : "Next"}
          </button>
        ) : (
          <button type="button" class="button" onClick={pauseOrResume} aria-pressed={paused}>
            {paused ? "Resume" : "Pause"}
          </button>
        )}
        <button type="button" class="button-secondary" onClick={() => next(false)}>
          Skip this block
        </button>
        <button type="button" class="button-quiet" onClick={stop}>
          Stop here
        </button>
      </div>
      <p class="muted runner-keys">Space pauses and resumes.</p>
    </section>
  );
}
