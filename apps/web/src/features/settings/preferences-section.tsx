import type { Account } from "@cando/core";
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { browserTimeZone, TimeZoneField } from "../../ui/time-zone-field";
import { ActionForm } from "./action-form";
import { WEEKDAYS } from "./settings";
import { useAction } from "./use-action";

const LABELS = { timeZone: "Time zone", weekStartsOn: "First day of the week" };

/**
 * Time zone and first day of the week. Other preferences (the success target, …) get their own
 * section beside this one on the Settings page, each with its own route.
 */
export function PreferencesSection(props: { account: Account; onSaved: (a: Account) => void }) {
  const saved = props.account.settings;
  const [timeZone, setTimeZone] = useState(saved.timeZone ?? browserTimeZone());
  const [weekStartsOn, setWeekStartsOn] = useState(saved.weekStartsOn);
  const action = useAction(LABELS);

  async function save() {
    const body = await api.patch<{ account: Account }>("/api/account/settings", {
      timeZone,
      weekStartsOn,
    });
    props.onSaved(body.account);
    return "Preferences saved.";
  }

  return (
    <section class="card settings-section" aria-labelledby="preferences-heading">
      <h2 id="preferences-heading">Preferences</h2>
      <ActionForm action={action} run={save} submitLabel="Save preferences">
        <TimeZoneField
          id="time-zone"
          label={LABELS.timeZone}
          hint={
            saved.timeZone === null
              ? `Until you choose, Cando uses this browser's: ${browserTimeZone()}.`
              : "Days, weeks and reminders are counted in this time zone."
          }
          error={action.fields.timeZone}
          value={timeZone}
          onChange={setTimeZone}
        />
        <div class="field">
          <label for="week-starts-on">{LABELS.weekStartsOn}</label>
          <select
            id="week-starts-on"
            value={String(weekStartsOn)}
            onChange={(e) => setWeekStartsOn(Number(e.currentTarget.value))}
          >
            {WEEKDAYS.map((day, i) => (
              <option key={day} value={String(i)}>
                {day}
              </option>
            ))}
          </select>
        </div>
      </ActionForm>
    </section>
  );
}
