import { ErrorBoundary, LocationProvider, lazy, Route, Router } from "preact-iso";
import { AppHeader } from "./app-header";
import { LoginPage } from "./features/accounts/login-page";
import { GuestOnly, RequireUser, SessionProvider } from "./features/accounts/session";
import { SignupPage } from "./features/accounts/signup-page";
import { HomePage } from "./features/home/home-page";
import { markNavigated, Page } from "./ui/page";

// Home and the account pages are where people land; the rest load on first visit.
const TakeAuditPage = lazy(() =>
  import("./features/audits/take-audit-page").then((m) => m.TakeAuditPage),
);
const HistoryPage = lazy(() => import("./features/audits/history-page").then((m) => m.HistoryPage));
const DomainsPage = lazy(() =>
  import("./features/domains/domains-page").then((m) => m.DomainsPage),
);

const Home = () => (
  <RequireUser>
    <HomePage />
  </RequireUser>
);
const Audit = () => (
  <RequireUser>
    <TakeAuditPage />
  </RequireUser>
);
const History = () => (
  <RequireUser>
    <HistoryPage />
  </RequireUser>
);
const Domains = () => (
  <RequireUser>
    <DomainsPage />
  </RequireUser>
);
const Login = () => (
  <GuestOnly>
    <LoginPage />
  </GuestOnly>
);
const Signup = () => (
  <GuestOnly>
    <SignupPage />
  </GuestOnly>
);

function NotFound() {
  return (
    <Page title="Page not found">
      <p>
        There is no page at this address. <a href="/">Go to Home</a>
      </p>
    </Page>
  );
}

export function App() {
  return (
    <LocationProvider>
      <SessionProvider>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <AppHeader />
        <main id="main" tabIndex={-1}>
          <ErrorBoundary>
            <Router onRouteChange={markNavigated}>
              <Route path="/" component={Home} />
              <Route path="/audit" component={Audit} />
              <Route path="/history" component={History} />
              <Route path="/domains" component={Domains} />
              <Route path="/login" component={Login} />
              <Route path="/signup" component={Signup} />
              <Route default component={NotFound} />
            </Router>
          </ErrorBoundary>
        </main>
      </SessionProvider>
    </LocationProvider>
  );
}
