import { Page } from "../../ui/page";
import "./landing.css";

/** What a visitor who is not logged in sees at `/`: Cando in three lines, then sign up or log in. */
export function LandingPage() {
  return (
    <Page title="Build the belief that you can" heading="Build the belief that you can do it">
      <ol class="landing-lines">
        <li>
          <strong>Name one thing you want to be able to do</strong>, as “I can …”, and rate how
          certain you are today.
        </li>
        <li>
          <strong>Climb a ladder of small steps</strong> that each stretch you a little: attempt,
          debrief, and let the next step adapt to how it went.
        </li>
        <li>
          <strong>Keep the evidence</strong> and watch your confidence catch up with what you have
          actually done.
        </li>
      </ol>
      <div class="landing-actions">
        <a class="button" href="/signup">
          Get started
        </a>
        <a class="button button-secondary" href="/login">
          Log in
        </a>
      </div>
      <p class="muted landing-note">
        Your data stays on this server. Nothing is shared unless you share it.
      </p>
    </Page>
  );
}
