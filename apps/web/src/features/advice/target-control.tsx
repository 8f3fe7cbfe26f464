import type { TargetResponse } from "@cando/core";
import { TARGET_DEFAULT, TARGET_MAX, TARGET_MIN } from "@cando/core/constants";
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { api, errorMessage } from "../../api/client";
import { useNearViewport } from "../../ui/near-viewport";

const CHOICES = Array.from(
  { length: Math.round((TARGET_MAX - TARGET_MIN) * 100) / 5 + 1 },
  (_, i) => Math.round(TARGET_MIN * 100) + i * 5,
);

/**
 * The person's target success rate (70–90%): self-contained, it reads and saves
 * /api/me/target itself, so it can sit on any page (How Cando works, a goal's why panel).
 */
export function TargetControl(props: { onSaved?: (target: number) => void }) {
  const id = useId();
  const [percentValue, setPercent] = useState<number | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  // Asked for once the control can be seen: in a closed "why" (each goal page has one) it is
  // never drawn, and the page makes no request for it.
  const form = useRef<HTMLFormElement>(null);
  const near = useNearViewport(form, "200px");
  useEffect(() => {
    if (!near) return;
    api
      .get<TargetResponse>("/api/me/target")
      .then((t) => setPercent(Math.round(t.target * 100)))
      .catch(() => setPercent(Math.round(TARGET_DEFAULT * 100)));
  }, [near]);

  async function save(event: Event) {
    event.preventDefault();
    if (percentValue === null || busy) return;
    setBusy(true);
    try {
      const saved = await api.put<TargetResponse>("/api/me/target", {
        target: percentValue / 100,
      });
      setStatus(`Saved: advice now aims for ${Math.round(saved.target * 100)}%.`);
      props.onSaved?.(saved.target);
    } catch (error) {
      setStatus(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={form} class="target-control" onSubmit={save} aria-busy={busy}>
      <label for={`${id}-target`}>Your target success rate</label>
      <div class="target-row">
        <select
          id={`${id}-target`}
          value={percentValue === null ? "" : String(percentValue)}
          disabled={percentValue === null}
          onChange={(e) => setPercent(Number((e.currentTarget as HTMLSelectElement).value))}
        >
          {CHOICES.map((c) => (
            <option key={c} value={String(c)}>
              {c}%{c === Math.round(TARGET_DEFAULT * 100) ? " (default)" : ""}
            </option>
          ))}
        </select>
        <button type="submit" class="button button-secondary" disabled={busy}>
          Save target
        </button>
      </div>
      <p class="target-status" role="status">
        {status}
      </p>
    </form>
  );
}
