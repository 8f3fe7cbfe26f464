import type { FieldProblem, ImportResult } from "@cando/core";
import { useState } from "preact/hooks";
import { ApiError, api, errorMessage } from "../../api/client";
import { ErrorSummary } from "../../ui/feedback";
import { describeProblem, importSummary } from "./settings";

/** Download everything as JSON or CSV, and import a JSON export into this account. */
export function DataSection() {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [problems, setProblems] = useState<{ message: string; list: FieldProblem[] } | null>(null);

  async function importFile(event: Event) {
    event.preventDefault();
    if (busy) return;
    setStatus("");
    setProblems(null);
    if (!file) {
      setProblems({ message: "Choose a file to import first.", list: [] });
      return;
    }
    setBusy(true);
    try {
      let json: unknown;
      try {
        json = JSON.parse(await file.text());
      } catch {
        setProblems({
          message: `${file.name} is not a JSON file; nothing was imported.`,
          list: [],
        });
        return;
      }
      const result = await api.post<ImportResult>("/api/account/import", json);
      setStatus(importSummary(result));
    } catch (error) {
      setProblems({
        message: errorMessage(error),
        list: error instanceof ApiError ? error.fields : [],
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card settings-section" aria-labelledby="data-heading">
      <h2 id="data-heading">Your data</h2>
      <p>
        Everything you have entered is yours: take it with you, or keep a copy. The JSON file can be
        imported here or on another Cando server.
      </p>
      <p class="settings-actions">
        <a class="button" href="/api/account/export" download>
          Download my data
        </a>
        <a class="button button-secondary" href="/api/account/export.zip" download>
          Download as spreadsheets (CSV)
        </a>
      </p>
      <form class="stack" onSubmit={importFile} noValidate aria-busy={busy}>
        <h3>Import a file</h3>
        {problems !== null && (
          <ErrorSummary focus>
            <p>{problems.message}</p>
            {problems.list.length > 0 && (
              <ul>
                {problems.list.map((p) => (
                  <li key={p.path}>{describeProblem(p)}</li>
                ))}
              </ul>
            )}
          </ErrorSummary>
        )}
        <div class="field">
          <label for="import-file">Cando export file (.json)</label>
          <p class="hint" id="import-file-hint">
            It is checked before anything is saved. What you already have is kept; importing the
            same file twice adds nothing.
          </p>
          <input
            id="import-file"
            type="file"
            accept="application/json,.json"
            aria-describedby="import-file-hint"
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
        </div>
        <div>
          <button type="submit" class="button button-secondary" disabled={busy}>
            Import
          </button>
        </div>
        <p class="status-line" role="status">
          {status}
        </p>
      </form>
    </section>
  );
}
