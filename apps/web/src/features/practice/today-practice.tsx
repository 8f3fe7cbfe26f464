import type { PracticeSummary, RhythmTodayResponse } from "@cando/core";
import { PRACTICE_QUICK_MINUTES } from "@cando/core/constants";
import { useEffect, useState } from "preact/hooks";
import { api, errorMessage } from "../../api/client";
import { useLoad } from "../../api/use-load";
import { LoadError, Loading } from "../../ui/feedback";
import { LabelledField } from "../../ui/labelled-field";
import { goalPath } from "../../ui/paths";
import { DueNow } from "./due-now";
import { PracticeScore } from "./practice-section";
import { parseMinutes } from "./practice-words";
import "./practice.css";

/** The browser's IANA time zone, the default for a person who has not chosen one. */
function browserTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

/**
 * Today's practice per active goal, with quick add (+15, +30, or a number). Given `initial`
 * (Today's page has it in its one answer) it asks for nothing until something changes.
 */
export function TodayPractice(props: { initial?: RhythmTodayResponse }) {
  const initial = props.initial;
  const { state, reload, set } = useLoad(() =>
    initial ? Promise.resolve(initial) : api.get<RhythmTodayResponse>("/api/rhythm/today"),
  );

  // The person's day is their own: the first visit stores the browser's zone as the default.
  useEffect(() => {
    if (state.status !== "ready" || state.data.settings.timeZoneSet) return;
    const zone = browserTimeZone();
    if (zone === null || zone === state.data.settings.timeZone) return;
    api.patch("/api/rhythm/settings", { timeZone: zone }).then(
      () => api.get<RhythmTodayResponse>("/api/rhythm/today").then(set),
      () => undefined, // an unknown zone keeps UTC; nothing to tell the person here
    );
  }, [state.status]);

  if (state.status === "loading") return <Loading what="your practice" />;
  if (state.status === "error") return <LoadError error={state.error} retry={reload} />;
  const items = state.data.practice;

  function logged(goalId: string, practice: PracticeSummary) {
    if (state.status !== "ready") return;
    set({
      ...state.data,
      practice: state.data.practice.map((item) =>
        item.goalId === goalId ? { ...item, practice } : item,
      ),
    });
  }

  return (
    <>
      <DueNow rhythm={state.data} />
      {items.length > 0 && <PracticeList rhythm={state.data} onLogged={logged} />}
    </>
  );
}

function PracticeList(props: {
  rhythm: RhythmTodayResponse;
  onLogged: (goalId: string, practice: PracticeSummary) => void;
}) {
  const items = props.rhythm.practice;
  const logged = props.onLogged;
  return (
    <section class="today-section" aria-labelledby="practice-today-heading">
      <h2 id="practice-today-heading">Practice today</h2>
      <p class="muted">
        <a href="/reflections">Weekly reflections</a> · <a href="/rhythm">Reminders and calendar</a>
      </p>
      <ul class="plain-list">
        {items.map((item) => (
          <li key={item.goalId} class="card today-practice-item">
            <h3 class="today-goal">
              <a href={`${goalPath(item.goalId)}#practice-heading`}>{item.statement}</a>
            </h3>
            <PracticeScore practice={item.practice} compact />
            <QuickAdd
              goalId={item.goalId}
              statement={item.statement}
              today={props.rhythm.today}
              onLogged={(p) => logged(item.goalId, p)}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

function QuickAdd(props: {
  goalId: string;
  statement: string;
  today: string;
  onLogged: (practice: PracticeSummary) => void;
}) {
  const [custom, setCustom] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const inputId = `quick-minutes-${props.goalId}`;

  async function add(minutes: number) {
    if (busy) return;
    setBusy(true);
    try {
      const res = await api.post<{ practice: PracticeSummary }>(
        `/api/goals/${props.goalId}/practice`,
        { day: props.today, minutes },
      );
      setStatus(`Added ${minutes} minutes.`);
      setCustom("");
      setProblem(undefined);
      props.onLogged(res.practice);
    } catch (error) {
      setStatus(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  function addCustom(event: Event) {
    event.preventDefault();
    const parsed = parseMinutes(custom);
    if ("problem" in parsed) {
      setProblem(parsed.problem);
      document.getElementById(inputId)?.focus();
      return;
    }
    void add(parsed.minutes);
  }

  return (
    <form class="today-practice-actions" onSubmit={addCustom} noValidate>
      {PRACTICE_QUICK_MINUTES.map((m) => (
        <button
          key={m}
          type="button"
          class="button button-secondary"
          disabled={busy}
          onClick={() => void add(m)}
        >
          +{m} min<span class="visually-hidden"> of practice on {props.statement}</span>
        </button>
      ))}
      <LabelledField id={inputId} label="Other minutes" error={problem}>
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="numeric"
            class="input-short"
            value={custom}
            onInput={(e) => setCustom(e.currentTarget.value)}
          />
        )}
      </LabelledField>
      <button type="submit" class="button button-secondary" disabled={busy}>
        Add<span class="visually-hidden"> minutes of practice on {props.statement}</span>
      </button>
      <p class="status-line" role="status">
        {status}
      </p>
    </form>
  );
}
