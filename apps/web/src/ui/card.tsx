import type { ComponentChildren } from "preact";

/**
 * A titled section drawn as a card: a region named by its heading. `tone` marks a card that
 * leads (primary), celebrates (success) or warns; pages may also use the `card` class directly.
 */
export function Card(props: {
  id: string;
  title: ComponentChildren;
  headingLevel?: 2 | 3;
  tone?: "primary" | "success" | "warning";
  class?: string;
  children: ComponentChildren;
}) {
  const Heading = props.headingLevel === 3 ? "h3" : "h2";
  const classes = ["card", props.tone ? `card-${props.tone}` : null, props.class ?? null]
    .filter((c) => c !== null)
    .join(" ");
  return (
    <section class={classes} aria-labelledby={`${props.id}-heading`}>
      <Heading id={`${props.id}-heading`}>{props.title}</Heading>
      {props.children}
    </section>
  );
}
