import { useState } from "preact/hooks";
import { ApiError, errorMessage } from "../../api/client";
import { fieldMessage } from "../../ui/format";

/**
 * One settings form's submit: busy while it runs, then either a status to announce or the
 * problems (per field, labelled, and the rest as a summary). `ActionForm` shows them on Settings.
 */
export function useAction(labels: Record<string, string>) {
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [attempt, setAttempt] = useState(0);

  async function run(action: () => Promise<string>) {
    if (busy) return;
    setBusy(true);
    setFields({});
    setSummary(null);
    setStatus("");
    try {
      setStatus(await action());
    } catch (error) {
      const known: Record<string, string> = {};
      const other: string[] = [];
      if (error instanceof ApiError) {
        for (const f of error.fields) {
          const label = labels[f.path];
          if (label) known[f.path] ??= fieldMessage(label, f.message);
          else other.push(`${f.path} ${f.message}`);
        }
      }
      setFields(known);
      if (Object.keys(known).length === 0 || other.length > 0) setSummary(errorMessage(error));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  return { busy, fields, summary, status, attempt, run };
}

export type Action = ReturnType<typeof useAction>;
