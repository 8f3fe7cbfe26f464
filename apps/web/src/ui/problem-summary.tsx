import { ErrorSummary } from "./feedback";

export type ProblemLink = { targetId: string; text: string };

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
