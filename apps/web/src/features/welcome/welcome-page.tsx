import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { useLocation } from "preact-iso";
import { Page } from "../../ui/page";
import { ProgressSteps } from "../../ui/progress";
import {
  nextWelcomeStep,
  parseWelcomeStep,
  WELCOME_LABELS,
  WELCOME_STEPS,
  type WelcomeStep,
  welcomePath,
  welcomeProgress,
} from "./welcome-flow";
import {
  AuditStep,
  DomainStep,
  GoalStep,
  IntroStep,
  LadderStep,
  ScheduleStep,
} from "./welcome-steps";
import "./welcome.css";

/** What every step of the path gets: where it is, and how to move on or skip. */
export type StepProps = {
  domainId: string | undefined;
  goalId: string | undefined;
  /** Moves to the next step, keeping the domain and goal chosen so far (and any new ones). */
  next: (keep?: { domain?: string; goal?: string }) => void;
  /** The "Skip" button of this step. */
  skip: ComponentChildren;
};

/** `/welcome`: the first-run path, one step per screen, each skippable, progress shown. */
export function WelcomePage() {
  const { query, route } = useLocation();
  const step = parseWelcomeStep(query["step"]);
  const domainId = query["domain"] || undefined;
  const goalId = query["goal"] || undefined;
  const progress = welcomeProgress(step);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  // Each new step takes the focus, so a screen reader starts reading at its heading.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);

  function next(keep: { domain?: string; goal?: string } = {}) {
    const kept = { domain: keep.domain ?? domainId, goal: keep.goal ?? goalId };
    const to = nextWelcomeStep(step, kept.goal !== undefined);
    route(to === "done" ? "/" : welcomePath(to, kept));
  }

  const skip = (
    <button type="button" class="button button-quiet" onClick={() => next()}>
      Skip this step
    </button>
  );
  const props: StepProps = { domainId, goalId, next, skip };

  return (
    <Page title={`Getting started: ${WELCOME_LABELS[step]}`} heading="Getting started">
      <ProgressSteps
        steps={WELCOME_STEPS.map((s) => WELCOME_LABELS[s])}
        current={progress.number - 1}
        text={progress.text}
      />
      <section class="card welcome-step" aria-labelledby="welcome-step-heading">
        <h2 id="welcome-step-heading" ref={heading} tabIndex={-1}>
          {WELCOME_LABELS[step]}
        </h2>
        <StepBody step={step} {...props} />
      </section>
      <p class="welcome-leave">
        <a href="/">Leave setup and go to Today</a>
      </p>
    </Page>
  );
}

function StepBody(props: StepProps & { step: WelcomeStep }) {
  switch (props.step) {
    case "welcome":
      return <IntroStep {...props} />;
    case "audit":
      return <AuditStep {...props} />;
    case "domain":
      return <DomainStep {...props} />;
    case "goal":
      return <GoalStep {...props} />;
    case "ladder":
      return <LadderStep {...props} />;
    case "schedule":
      return <ScheduleStep {...props} />;
  }
}
