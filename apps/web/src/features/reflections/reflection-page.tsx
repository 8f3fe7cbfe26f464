import type {
  Reflection,
  ReflectionPart,
  ReflectionWeekResponse,
  TodayResponse,
} from "@cando/core";
import { REFLECTION_PARTS, REFLECTION_QUESTIONS } from "@cando/core/constants";
import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { ApiError, api, errorMessage } from "../../api/client";
import type { DomainListResponse } from "../../api/types";
import { useLoad } from "../../api/use-load";
import { formatPlainDay } from "../../ui/days";
import { LoadError, Loading } from "../../ui/feedback";
import { DateField, SelectField, TextAreaField } from "../../ui/fields";
import { Page } from "../../ui/page";
import { KeepAsEvidence } from "./keep-as-evidence";
import { reflectionsPath } from "./reflection-words";
import { WeekFactsCard } from "./week-facts";
import "./reflections.css";

type Data = [ReflectionWeekResponse, DomainListResponse, TodayResponse];

/** `/reflections/week?end=…`: the weekly reflection, the week's facts first. */
export function ReflectionPage() {
  const { query } = useLocation();
  const end = query["end"];
  const { state, reload } = useLoad(
    (): Promise<Data> =>
      Promise.all([
        api.get<ReflectionWeekResponse>(
          `/api/reflections/week${end ? `?end=${encodeURIComponent(end)}` : ""}`,
        ),
        api.get<DomainListResponse>("/api/domains"),
        api.get<TodayResponse>("/api/today"),
      ]),
  );
  return (
    <Page title="Weekly reflection">
      {state.status === "loading" && <Loading what="your week" />}
      {state.status === "error" && <LoadError error={state.error} retry={reload} />}
      {state.status === "ready" && <ReflectionBody key={end ?? ""} data={state.data} />}
    </Page>
  );
}

type Field = ReflectionPart | "nextWeek" | "stepId" | "plannedDate";

function ReflectionBody(props: { data: Data }) {
  const [week, domains, today] = props.data;
  const weekEnd = week.facts.weekEnd;
  const [saved, setSaved] = useState<Reflection | null>(week.reflection);
  const [answers, setAnswers] = useState<Record<ReflectionPart | "nextWeek", string>>({
    accomplished: week.reflection?.accomplished ?? "",
    overcame: week.reflection?.overcame ?? "",
    learned: week.reflection?.learned ?? "",
    nextWeek: week.reflection?.nextWeek ?? "",
  });
  const [stepId, setStepId] = useState("");
  const [plannedDate, setPlannedDate] = useState("");
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const steps = today.items.map((i) => ({
    value: i.step.id,
    label: `${i.step.title} (${i.goal.statement})`,
  }));

  async function save(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (stepId !== "" && plannedDate === "") {
      setProblems({ plannedDate: "Choose the day you plan the step for" });
      document.getElementById("reflection-planned-date")?.focus();
      return;
    }
    setBusy(true);
    try {
      const res = await api.put<{ reflection: Reflection }>(`/api/reflections/${weekEnd}`, {
        ...answers,
        ...(stepId !== "" ? { nextStep: { stepId, plannedDate } } : {}),
      });
      setSaved(res.reflection);
      setProblems({});
      setStatus(
        stepId !== ""
          ? `Reflection saved, and the step is planned for ${formatPlainDay(plannedDate)}.`
          : "Reflection saved.",
      );
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) {
        const next: Partial<Record<Field, string>> = {};
        for (const f of error.fields) {
          const key = (f.path.startsWith("nextStep.") ? f.path.slice(9) : f.path) as Field;
          next[key] ??= f.message;
        }
        setProblems(next);
        setStatus("Some answers could not be saved: see the messages by the fields.");
      } else {
        setStatus(errorMessage(error));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {week.due && (
        <p class="notice" role="status">
          Your weekly reflection is due. A few honest lines are enough.
        </p>
      )}
      <WeekFactsCard facts={week.facts} />
      <form
        class="card reflection-form"
        onSubmit={save}
        noValidate
        aria-labelledby="reflect-heading"
      >
        <h2 id="reflect-heading">Reflect</h2>
        {REFLECTION_PARTS.map((part) => (
          <TextAreaField
            key={part}
            id={`reflection-${part}`}
            label={REFLECTION_QUESTIONS[part]}
            value={answers[part]}
            onInput={(v) => setAnswers({ ...answers, [part]: v })}
            maxLength={2000}
            error={problems[part]}
          />
        ))}
        <TextAreaField
          id="reflection-nextWeek"
          label={REFLECTION_QUESTIONS.nextWeek}
          value={answers.nextWeek}
          onInput={(v) => setAnswers({ ...answers, nextWeek: v })}
          rows={2}
          maxLength={2000}
          error={problems.nextWeek}
        />
        {steps.length > 0 && (
          <div class="reflection-plan">
            <SelectField
              id="reflection-step"
              label="Plan a step for next week (optional)"
              value={stepId}
              options={[{ value: "", label: "No step" }, ...steps]}
              onChange={setStepId}
              error={problems.stepId}
            />
            <DateField
              id="reflection-planned-date"
              label="On"
              value={plannedDate}
              onInput={setPlannedDate}
              error={problems.plannedDate}
            />
          </div>
        )}
        <div class="form-actions">
          <button type="submit" class="button" disabled={busy}>
            Save reflection
          </button>
          <a href={reflectionsPath()}>Past reflections</a>
        </div>
        <p class="status-line" role="status">
          {status}
        </p>
      </form>
      {saved && REFLECTION_PARTS.some((p) => saved[p].trim() !== "") && (
        <section class="card" aria-labelledby="keep-heading">
          <h2 id="keep-heading">Keep what this week shows</h2>
          {REFLECTION_PARTS.filter((p) => saved[p].trim() !== "").map((part) => (
            <KeepAsEvidence
              key={`${part}-${saved.updatedAt}`}
              weekEnd={weekEnd}
              part={part}
              label={REFLECTION_QUESTIONS[part]}
              text={saved[part]}
              domains={domains.domains.filter((d) => d.archivedAt === null)}
            />
          ))}
        </section>
      )}
    </>
  );
}
