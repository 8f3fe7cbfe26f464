import { useLocation } from "preact-iso";
import { Page } from "../../ui/page";
import { AuthForm } from "./auth-form";

export function LoginPage() {
  const { query } = useLocation();
  const next = query["next"] ? `?next=${encodeURIComponent(query["next"])}` : "";
  return (
    <Page title="Log in">
      {query["loggedOut"] === "1" && (
        <p class="notice notice-success" role="status">
          You are logged out.
        </p>
      )}
      {query["deleted"] === "1" && (
        <p class="notice notice-success" role="status">
          Your account and everything in it are deleted.
        </p>
      )}
      <AuthForm mode="login" />
      <p>
        New to Cando? <a href={`/signup${next}`}>Sign up</a>
      </p>
    </Page>
  );
}
