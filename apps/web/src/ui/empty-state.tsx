import type { ComponentChildren } from "preact";

/**
 * What a page or section shows when it has nothing yet (a region named by its title): a title, why it is empty and what it
 * will hold, and the one thing to do next.
 */
export function EmptyState(props: {
  /** The region's id; its heading is `<id>-heading`. */
  id: string;
  title: string;
  headingLevel?: 2 | 3;
  children: ComponentChildren;
  action?: ComponentChildren;
}) {
  const Heading = props.headingLevel === 3 ? "h3" : "h2";
  return (
    <section class="empty-state" aria-labelledby={`${props.id}-heading`}>
      <svg class="empty-state-mark" aria-hidden="true" viewBox="0 0 48 48" width="48" height="48">
        <circle cx="24" cy="24" r="22" fill="var(--primary-soft)" />
        <path
          d="M14 30l7-7 5 5 9-10"
          fill="none"
          stroke="var(--primary)"
          stroke-width="3"
          stroke-linecap="round"
          stroke-linejoin="round"
        />
      </svg>
      <Heading class="empty-state-title" id={`${props.id}-heading`}>
        {props.title}
      </Heading>
      <div class="empty-state-text">{props.children}</div>
      {props.action && <div class="empty-state-action">{props.action}</div>}
    </section>
  );
}
