import { useLocation } from "preact-iso";
import { Page } from "../../ui/page";
import { AuthForm } from "./auth-form";

export function SignupPage() {
  const { query } = useLocation();
  const next = query["next"] ? `?next=${encodeURIComponent(query["next"])}` : "";
  return (
    <Page title="Sign up" heading="Create your Cando account">
      <p class="lead">
        Measure how certain you are that you can do what matters to you, then build that belief on
        purpose.
      </p>
      <AuthForm mode="signup" />
      <p>
        Already have an account? <a href={`/login${next}`}>Log in</a>
      </p>
    </Page>
  );
}
