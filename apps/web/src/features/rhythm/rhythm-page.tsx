import type { RhythmSettings } from "@cando/core";
import { useState } from "preact/hooks";
import { api, errorMessage } from "../../api/client";
import { useLoad } from "../../api/use-load";
import { LoadError, Loading } from "../../ui/feedback";
import { SelectField } from "../../ui/fields";
import { formatDay } from "../../ui/format";
import { Page } from "../../ui/page";
import "./rhythm.css";

type Feed = { active: boolean; createdAt: string | null; url: string | null };

/** The zones this browser knows, the person's own first when it is not among them. */
function zoneOptions(current: string): { value: string; label: string }[] {
  const known =
    typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const zones = known.includes(current) ? known : [current, ...known];
  return zones.map((z) => ({ value: z, label: z.replaceAll("_", " ") }));
}

/** `/rhythm`: the person's time zone and the private calendar feed of their rhythm. */
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
      <SelectField
        id="time-zone"
        label="My time zone"
        value={props.settings.timeZone}
        options={zoneOptions(props.settings.timeZone)}
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
