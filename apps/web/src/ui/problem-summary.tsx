import { ErrorSummary } from "./feedback";
import { fieldsWithProblems } from "./form-problems";

export type ProblemLink = { targetId: string; text: string };

/** One link per field with a problem, in the order the form shows its fields. */
export function problemLinks<K extends string>(
  order: readonly K[],
  problems: Partial<Record<K, string>>,
  targetId: (field: K) => string,
): ProblemLink[] {
  return fieldsWithProblems(order, problems).map((field) => ({
    targetId: targetId(field),
    text: problems[field] ?? "",
  }));
}

/**
 * The form's problems at the top, focused when it appears: a sentence, then one link per
 * field problem that moves focus to the field, then problems no field shows.
 */
export function ProblemSummary(props: {
  message: string;
  links?: readonly ProblemLink[];
  other?: readonly string[];
}) {
  const links = props.links ?? [];
  const other = props.other ?? [];
  return (
    <ErrorSummary focus>
      <p>{props.message}</p>
      {(links.length > 0 || other.length > 0) && (
        <ul>
          {links.map((link) => (
            <li key={link.targetId}>
              <a
                href={`#${link.targetId}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(link.targetId)?.focus();
                }}
              >
                {link.text}
              </a>
            </li>
          ))}
          {other.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
    </ErrorSummary>
  );
}
