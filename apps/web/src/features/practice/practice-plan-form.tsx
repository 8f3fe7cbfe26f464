import type { PracticeSummary } from "@cando/core";
import { PRACTICE_MAX_WEEKLY_TARGET } from "@cando/core/constants";
import { useState } from "preact/hooks";
import { api, errorMessage } from "../../api/client";
import { formatPlainDay } from "../../ui/days";
import { DateField } from "../../ui/fields";
import { LabelledField } from "../../ui/labelled-field";

/** The weekly minutes target and planned rest days of a goal's practice. */
export function PracticePlanForm(props: {
  goalId: string;
  practice: PracticeSummary;
  restDays: readonly string[];
  onChange: (practice: PracticeSummary, restDays: string[]) => void;
}) {
  const base = `/api/goals/${props.goalId}/practice`;
  const [target, setTarget] = useState(props.practice.weeklyTarget?.toString() ?? "");
  const [targetProblem, setTargetProblem] = useState<string | undefined>();
  const [restDay, setRestDay] = useState(props.practice.today);
  const [status, setStatus] = useState("");
  const upcoming = props.restDays.filter((d) => d >= props.practice.today);

  async function saveTarget(event: Event) {
    event.preventDefault();
    const text = target.trim();
    const weeklyMinutes = text === "" ? null : Number(text);
    if (
      weeklyMinutes !== null &&
      (!/^\d+$/.test(text) || weeklyMinutes < 1 || weeklyMinutes > PRACTICE_MAX_WEEKLY_TARGET)
    ) {
      setTargetProblem(
        `Weekly target must be a whole number of minutes from 1 to ${PRACTICE_MAX_WEEKLY_TARGET}, or empty for none`,
      );
      document.getElementById("practice-target")?.focus();
      return;
    }
    try {
      const res = await api.put<{ practice: PracticeSummary }>(`${base}/target`, {
        weeklyMinutes,
      });
      setTargetProblem(undefined);
      setStatus(
        weeklyMinutes === null
          ? "No weekly target."
          : `Weekly target set to ${weeklyMinutes} minutes.`,
      );
      props.onChange(res.practice, [...props.restDays]);
    } catch (error) {
      setStatus(errorMessage(error));
    }
  }

  async function rest(day: string, plan: boolean) {
    try {
      const res = plan
        ? await api.put<{ practice: PracticeSummary }>(`${base}/rest-days/${day}`, {})
        : await api.delete<{ practice: PracticeSummary }>(`${base}/rest-days/${day}`);
      const days = plan
        ? [...new Set([...props.restDays, day])].sort()
        : props.restDays.filter((d) => d !== day);
      setStatus(
        plan
          ? `${formatPlainDay(day)} is a planned rest day.`
          : `${formatPlainDay(day)} is no longer a rest day.`,
      );
      props.onChange(res.practice, days);
    } catch (error) {
      setStatus(errorMessage(error));
    }
  }

  return (
    <div class="practice-plan">
      <form onSubmit={saveTarget} noValidate aria-labelledby="practice-target-heading">
        <h3 id="practice-target-heading">Weekly target</h3>
        <LabelledField
          id="practice-target"
          label="Minutes a week (optional)"
          hint="Leave empty for no target. Consistency matters more than the total."
          error={targetProblem}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="numeric"
              class="input-short"
              value={target}
              onInput={(e) => setTarget(e.currentTarget.value)}
            />
          )}
        </LabelledField>
        <button type="submit" class="button button-secondary">
          Save target
        </button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (restDay) void rest(restDay, true);
        }}
        noValidate
        aria-labelledby="practice-rest-heading"
      >
        <h3 id="practice-rest-heading">Rest days</h3>
        <p class="muted">A planned rest day is not a miss: your consistency score leaves it out.</p>
        <DateField
          id="practice-rest-day"
          label="Day to rest"
          value={restDay}
          onInput={setRestDay}
        />
        <button type="submit" class="button button-secondary">
          Plan a rest day
        </button>
        {upcoming.length > 0 && (
          <ul class="plain-list practice-rest-list" aria-label="Planned rest days">
            {upcoming.map((day) => (
              <li key={day}>
                {formatPlainDay(day)}{" "}
                <button
                  type="button"
                  class="button button-small button-quiet"
                  onClick={() => void rest(day, false)}
                >
                  Take back<span class="visually-hidden"> the rest day {formatPlainDay(day)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </form>
      <p class="status-line" role="status">
        {status}
      </p>
    </div>
  );
}
