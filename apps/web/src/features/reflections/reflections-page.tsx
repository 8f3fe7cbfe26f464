import type { Reflection, RhythmSettings } from "@cando/core";
import { REFLECTION_QUESTIONS } from "@cando/core/constants";
import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { api, errorMessage } from "../../api/client";
import { useLoad } from "../../api/use-load";
import { formatPlainDay } from "../../ui/days";
import { LoadError, Loading } from "../../ui/feedback";
import { SelectField } from "../../ui/fields";
import { Page } from "../../ui/page";
import { ShowMore } from "../../ui/show-more";
import { TextField } from "../../ui/text-field";
import { reflectionsPath, reflectionWeekPath } from "./reflection-words";
import "./reflections.css";

/** `/reflections`: past weekly reflections, newest first, searchable. */
export function ReflectionsPage() {
  const { query, route } = useLocation();
  const q = query["q"] ?? "";
  return (
    <Page title="Reflections">
      <p>
        <a class="button" href={reflectionWeekPath()}>
          Write this week's reflection
        </a>{" "}
        <a href="/rhythm">Reminders and calendar</a>
      </p>
      <ReflectionDay />
      <SearchForm q={q} onSearch={(next) => route(reflectionsPath(next), true)} />
      <ReflectionList key={q} q={q} />
    </Page>
  );
}

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"].map(
  (label, i) => ({ value: String(i + 1), label }),
);

/** The weekday the reflection falls on, chosen by the person. */
function ReflectionDay() {
  const { state, set } = useLoad(() =>
    api.get<{ settings: RhythmSettings }>("/api/rhythm/settings"),
  );
  const [status, setStatus] = useState("");
  if (state.status !== "ready") return null;
  return (
    <div class="reflection-day">
      <SelectField
        id="reflection-weekday"
        label="My reflection day"
        value={String(state.data.settings.reflectionWeekday)}
        options={WEEKDAYS}
        onChange={async (value) => {
          try {
            const res = await api.patch<{ settings: RhythmSettings }>("/api/rhythm/settings", {
              reflectionWeekday: Number(value),
            });
            set(res);
            setStatus(`Your reflection day is now ${WEEKDAYS[Number(value) - 1]?.label ?? ""}.`);
          } catch (error) {
            setStatus(errorMessage(error));
          }
        }}
      />
      <p class="status-line" role="status">
        {status}
      </p>
    </div>
  );
}

function SearchForm(props: { q: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(props.q);
  return (
    <form
      aria-label="Reflection search"
      class="reflection-search"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSearch(text.trim());
      }}
    >
      <TextField id="reflection-q" label="Search your reflections" value={text} onInput={setText} />
      <button type="submit" class="button button-secondary">
        Search
      </button>
    </form>
  );
}

type ReflectionPage = { reflections: Reflection[]; nextCursor: string | null };

function ReflectionList(props: { q: string }) {
  // Paged, newest week first: older weeks load on demand.
  const path = (cursor?: string) => {
    const params = new URLSearchParams();
    if (props.q) params.set("q", props.q);
    if (cursor) params.set("cursor", cursor);
    const search = params.toString();
    return `/api/reflections${search ? `?${search}` : ""}`;
  };
  const { state, reload, set } = useLoad(() => api.get<ReflectionPage>(path()));
  if (state.status === "loading") return <Loading what="your reflections" />;
  if (state.status === "error") return <LoadError error={state.error} retry={reload} />;
  const list = state.data.reflections;
  const next = state.data.nextCursor;
  return (
    <section aria-labelledby="past-heading">
      <h2 id="past-heading">{props.q ? `Reflections with “${props.q}”` : "Past reflections"}</h2>
      {list.length === 0 && (
        <p class="muted">{props.q ? "No reflection has those words." : "None written yet."}</p>
      )}
      <ul class="plain-list">
        {list.map((r) => (
          <li key={r.id} class="card reflection-item">
            <h3>
              Week of {formatPlainDay(r.weekStart)} to {formatPlainDay(r.weekEnd)}
            </h3>
            <dl>
              {(["accomplished", "overcame", "learned", "nextWeek"] as const)
                .filter((k) => r[k] !== "")
                .map((k) => (
                  <div key={k}>
                    <dt>{REFLECTION_QUESTIONS[k]}</dt>
                    <dd>{r[k]}</dd>
                  </div>
                ))}
            </dl>
            <a href={reflectionWeekPath(r.weekEnd)}>
              Open
              <span class="visually-hidden"> the reflection of {formatPlainDay(r.weekEnd)}</span>
            </a>
          </li>
        ))}
      </ul>
      {list.length > 0 && (
        <ShowMore
          what="reflections"
          more={next !== null}
          onMore={async () => {
            if (next === null) return;
            const page = await api.get<ReflectionPage>(path(next));
            set({ reflections: [...list, ...page.reflections], nextCursor: page.nextCursor });
          }}
        />
      )}
    </section>
  );
}
