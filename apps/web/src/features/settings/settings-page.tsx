import type { Account, SessionList } from "@cando/core";
import { useLocation } from "preact-iso";
import { api } from "../../api/client";
import { useLoad } from "../../api/use-load";
import { LoadError, Loading } from "../../ui/feedback";
import { Page } from "../../ui/page";
import { useSession } from "../accounts/session";
import { EmailSection, PasswordSection } from "./credentials-section";
import { DataSection } from "./data-section";
import { DeleteSection } from "./delete-section";
import { PreferencesSection } from "./preferences-section";
import { SessionsSection } from "./sessions-section";
import "./settings.css";

/**
 * Settings: your data, preferences, password and email, sessions, deleting the account. Each
 * section is its own component with its own route; a new preference adds a section here.
 */
export function SettingsPage() {
  const { setUser } = useSession();
  const { route } = useLocation();
  const account = useLoad(() => api.get<{ account: Account }>("/api/account"));
  const sessions = useLoad(() => api.get<SessionList>("/api/account/sessions"));

  const loggedOut = (to: string) => {
    route(to);
    setUser(null);
  };
  const saved = (next: Account) => {
    account.set({ account: next });
    setUser({ id: next.id, email: next.email, createdAt: next.createdAt });
  };

  return (
    <Page title="Settings">
      {account.state.status === "loading" && <Loading what="your settings" />}
      {account.state.status === "error" && (
        <LoadError error={account.state.error} retry={account.reload} />
      )}
      {account.state.status === "ready" && (
        <div class="settings-page">
          <DataSection />
          <PreferencesSection account={account.state.data.account} onSaved={saved} />
          <PasswordSection onChanged={sessions.reload} />
          <EmailSection account={account.state.data.account} onSaved={saved} />
          <SessionsSection
            sessions={sessions.state}
            reload={sessions.reload}
            onEndedCurrent={() => loggedOut("/login?loggedOut=1")}
          />
          <DeleteSection onDeleted={() => loggedOut("/login?deleted=1")} />
        </div>
      )}
    </Page>
  );
}
