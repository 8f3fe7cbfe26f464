import type { RhythmSettings } from "@cando/core";
import { useState } from "preact/hooks";
import { api, errorMessage } from "../../api/client";
import { useLoad } from "../../api/use-load";
import { LoadError, Loading } from "../../ui/feedback";
import { formatDay } from "../../ui/format";
import { Page } from "../../ui/page";
import { TimeZoneField } from "../../ui/time-zone-field";
import "./rhythm.css";

type Feed = { active: boolean; createdAt: string | null; url: string | null };

/** `/rhythm`: the person's time zone, reminder times and the private calendar feed. */
export function RhythmPage() {
  const { state, reload, set } = useLoad(() =>
    Promise.all([
      api.get<{ settings: RhythmSettings }>("/api/rhythm/settings"),
      api.get<{ calendar: Feed }>("/api/rhythm/calendar"),
    ]),
  );
  return (
    <Page title="Reminders and calendar">
      {state.status === "loading" && <Loading what="your settings" />}
      {state.status === "error" && <LoadError error={state.error} retry={reload} />}
      {state.status === "ready" && (
        <>
          <TimeZoneCard
            settings={state.data[0].settings}
            onSaved={(settings) => set([{ settings }, state.data[1]])}
          />
          <ReminderTimesCard
            settings={state.data[0].settings}
            onSaved={(settings) => set([{ settings }, state.data[1]])}
          />
          <CalendarCard feed={state.data[1].calendar} />
        </>
      )}
    </Page>
  );
}

function TimeZoneCard(props: {
  settings: RhythmSettings;
  onSaved: (settings: RhythmSettings) => void;
}) {
  const [status, setStatus] = useState("");
  return (
    <section class="card" aria-labelledby="zone-heading">
      <h2 id="zone-heading">Time zone</h2>
      <p class="muted">
        Your day, your practice and your calendar follow this zone. It starts as your browser's.
      </p>
      <TimeZoneField
        id="time-zone"
        label="My time zone"
        hint="The same setting as on Settings: one time zone for everything."
        value={props.settings.timeZone}
        onChange={async (timeZone) => {
          try {
            const res = await api.patch<{ settings: RhythmSettings }>("/api/rhythm/settings", {
              timeZone,
            });
            props.onSaved(res.settings);
            setStatus(`Time zone set to ${timeZone.replaceAll("_", " ")}.`);
          } catch (error) {
            setStatus(errorMessage(error));
          }
        }}
      />
      <p class="status-line" role="status">
        {status}
      </p>
    </section>
  );
}

/** When the practice block and the weekly reflection fall, in the person's own time zone. */
function ReminderTimesCard(props: {
  settings: RhythmSettings;
  onSaved: (settings: RhythmSettings) => void;
}) {
  const [practiceTime, setPracticeTime] = useState(props.settings.practiceTime);
  const [reflectionTime, setReflectionTime] = useState(props.settings.reflectionTime);
  const [status, setStatus] = useState("");

  async function save(event: Event) {
    event.preventDefault();
    try {
      const res = await api.patch<{ settings: RhythmSettings }>("/api/rhythm/settings", {
        practiceTime,
        reflectionTime,
      });
      props.onSaved(res.settings);
      setStatus(
        `Saved: practice at ${res.settings.practiceTime}, reflection at ${res.settings.reflectionTime}.`,
      );
    } catch (error) {
      setStatus(errorMessage(error));
    }
  }

  return (
    <section class="card" aria-labelledby="times-heading">
      <h2 id="times-heading">Reminder times</h2>
      <p class="muted">
        When your calendar shows the daily practice block and the weekly reflection, in{" "}
        {props.settings.timeZone.replaceAll("_", " ")} time.
      </p>
      <form class="stack" onSubmit={save} noValidate>
        <div class="field">
          <label for="practice-time">Practice time</label>
          <input
            id="practice-time"
            type="time"
            class="control"
            required
            value={practiceTime}
            onInput={(e) => setPracticeTime(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="reflection-time">Reflection time</label>
          <input
            id="reflection-time"
            type="time"
            class="control"
            required
            value={reflectionTime}
            onInput={(e) => setReflectionTime(e.currentTarget.value)}
          />
        </div>
        <div>
          <button type="submit" class="button button-secondary">
            Save reminder times
          </button>
        </div>
        <p class="status-line" role="status">
          {status}
        </p>
      </form>
    </section>
  );
}

function CalendarCard(props: { feed: Feed }) {
  const [feed, setFeed] = useState(props.feed);
  const [status, setStatus] = useState("");

  async function create() {
    try {
      const res = await api.post<{ calendar: Feed }>("/api/rhythm/calendar", {});
      setFeed(res.calendar);
      setStatus(
        feed.active
          ? "A new address is ready. The old one has stopped working."
          : "Your calendar address is ready.",
      );
    } catch (error) {
      setStatus(errorMessage(error));
    }
  }

  async function revoke() {
    try {
      const res = await api.delete<{ calendar: Feed }>("/api/rhythm/calendar");
      setFeed(res.calendar);
      setStatus("The calendar feed is off. Its address no longer works.");
    } catch (error) {
      setStatus(errorMessage(error));
    }
  }

  return (
    <section class="card" aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">Calendar feed</h2>
      <p>
        Subscribe in your calendar app to see your planned steps, daily practice blocks, the weekly
        reflection and the monthly re-rating. The address is private: anyone who has it can read
        these events, so share it with no one. You can make a new one or turn it off at any time.
      </p>
      {feed.url && (
        <div class="calendar-url">
          <label for="calendar-url">Your private calendar address</label>
          <p class="hint" id="calendar-url-hint">
            Copy it now: for your safety Cando keeps only a fingerprint of it and cannot show it
            again.
          </p>
          <input
            id="calendar-url"
            type="text"
            readOnly
            value={feed.url}
            aria-describedby="calendar-url-hint"
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      )}
      {feed.active && !feed.url && feed.createdAt && (
        <p>The feed is on, with an address made on {formatDay(feed.createdAt)}.</p>
      )}
      <div class="form-actions">
        <button type="button" class="button" onClick={() => void create()}>
          {feed.active ? "Make a new address" : "Make my calendar address"}
        </button>
        {feed.active && (
          <button type="button" class="button button-secondary" onClick={() => void revoke()}>
            Turn the feed off
          </button>
        )}
      </div>
      <p class="status-line" role="status">
        {status}
      </p>
    </section>
  );
}
