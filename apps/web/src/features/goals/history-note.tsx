import type { AttemptSummary } from "@cando/core";
import { formatDay } from "../../ui/format";

/**
 * Said under a chart drawn from the loaded attempts when older ones are not loaded yet, so a
 * line that starts late is not read as the whole story.
 */
export function PartialHistoryNote(props: { attempts: AttemptSummary[]; more: boolean }) {
  if (!props.more || props.attempts.length === 0) return null;
  const oldest = props.attempts.reduce((a, b) => (a.attemptedAt < b.attemptedAt ? a : b));
  return (
    <p class="muted">
      Drawn from your newest {props.attempts.length} attempts, since {formatDay(oldest.attemptedAt)}
      . Show earlier attempts under Attempts to draw further back.
    </p>
  );
}
