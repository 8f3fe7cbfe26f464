import { ErrorBoundary, LocationProvider, lazy, Route, Router } from "preact-iso";
import { AppHeader } from "./app-header";
import { LandingPage } from "./features/accounts/landing-page";
import { LoginPage } from "./features/accounts/login-page";
import { GuestOnly, RequireUser, SessionProvider, useSession } from "./features/accounts/session";
import { SignupPage } from "./features/accounts/signup-page";
import { TodayPage } from "./features/today/today-page";
import { markNavigated, Page } from "./ui/page";
import { ToastHost } from "./ui/toast";

// Today and the account pages are where people land; the rest load on first visit.
const TakeAuditPage = lazy(() =>
  import("./features/audits/take-audit-page").then((m) => m.TakeAuditPage),
);
const HistoryPage = lazy(() => import("./features/audits/history-page").then((m) => m.HistoryPage));
const DomainsPage = lazy(() =>
  import("./features/domains/domains-page").then((m) => m.DomainsPage),
);
const GoalsPage = lazy(() => import("./features/goals/goals-page").then((m) => m.GoalsPage));
const GoalPage = lazy(() => import("./features/goals/goal-page").then((m) => m.GoalPage));
const MilestonePage = lazy(() =>
  import("./features/milestones/milestone-page").then((m) => m.MilestonePage),
);
const LogAttemptPage = lazy(() =>
  import("./features/attempts/log-attempt-page").then((m) => m.LogAttemptPage),
);
const AttemptPage = lazy(() =>
  import("./features/attempts/attempt-page").then((m) => m.AttemptPage),
);
const EvidencePage = lazy(() =>
  import("./features/evidence/evidence-page").then((m) => m.EvidencePage),
);
const EvidenceItemPage = lazy(() =>
  import("./features/evidence/evidence-item-page").then((m) => m.EvidenceItemPage),
);
const DoubtPage = lazy(() => import("./features/doubt/doubt-page").then((m) => m.DoubtPage));
const WelcomePage = lazy(() =>
  import("./features/welcome/welcome-page").then((m) => m.WelcomePage),
);
const SettingsPage = lazy(() =>
  import("./features/settings/settings-page").then((m) => m.SettingsPage),
);
const ReportPage = lazy(() => import("./features/report/report-page").then((m) => m.ReportPage));
const ResetPasswordPage = lazy(() =>
  import("./features/accounts/reset-password-page").then((m) => m.ResetPasswordPage),
);
const MilestonesPage = lazy(() =>
  import("./features/milestones/milestones-page").then((m) => m.MilestonesPage),
);
const HowItWorksPage = lazy(() =>
  import("./features/advice/how-it-works-page").then((m) => m.HowItWorksPage),
);
const InsightsPage = lazy(() =>
  import("./features/insights/insights-page").then((m) => m.InsightsPage),
);
const ReflectionPage = lazy(() =>
  import("./features/reflections/reflection-page").then((m) => m.ReflectionPage),
);
const ReflectionsPage = lazy(() =>
  import("./features/reflections/reflections-page").then((m) => m.ReflectionsPage),
);
const RerateLadderPage = lazy(() =>
  import("./features/rhythm/rerate-page").then((m) => m.RerateLadderPage),
);
const PlanPage = lazy(() => import("./features/plan/plan-page").then((m) => m.PlanPage));
const RoleModelsPage = lazy(() =>
  import("./features/role-models/role-models-page").then((m) => m.RoleModelsPage),
);
const CoachPage = lazy(() => import("./features/coach/coach-page").then((m) => m.CoachPage));
const NotificationsPage = lazy(() =>
  import("./features/notifications/notifications-page").then((m) => m.NotificationsPage),
);
const RhythmPage = lazy(() => import("./features/rhythm/rhythm-page").then((m) => m.RhythmPage));
const sharing = () => import("./features/sharing/shared-pages");
const SharedListPage = lazy(() => sharing().then((m) => m.SharedListPage));
const SharedGoalPage = lazy(() => sharing().then((m) => m.SharedGoalPage));
const PreviewGrantPage = lazy(() => sharing().then((m) => m.PreviewGrantPage));
const InvitePage = lazy(() => sharing().then((m) => m.InvitePage));
const StartAttemptPage = lazy(() =>
  import("./features/prepare/start-attempt-page").then((m) => m.StartAttemptPage),
);
const FinishAttemptPage = lazy(() =>
  import("./features/prepare/finish-attempt-page").then((m) => m.FinishAttemptPage),
);
const RunnerPage = lazy(() => import("./features/prepare/runner-page").then((m) => m.RunnerPage));
const RoutinePage = lazy(() =>
  import("./features/prepare/routine-page").then((m) => m.RoutinePage),
);

/** Wraps a page so only a logged-in person reaches it. */
function signedIn<P extends object>(Component: (props: P) => preact.JSX.Element | null) {
  return (props: P) => (
    <RequireUser>
      <Component {...props} />
    </RequireUser>
  );
}

// Route components are made once, here: a new component type per render would remount pages.
const TodayRoute = signedIn(TodayPage);
const AuditRoute = signedIn(TakeAuditPage);
const HistoryRoute = signedIn(HistoryPage);
const DomainsRoute = signedIn(DomainsPage);
const GoalsRoute = signedIn(GoalsPage);
const GoalRoute = signedIn(GoalPage);
const LogAttemptRoute = signedIn(LogAttemptPage);
const AttemptRoute = signedIn(AttemptPage);
const EvidenceRoute = signedIn(EvidencePage);
const EvidenceItemRoute = signedIn(EvidenceItemPage);
const DoubtRoute = signedIn(DoubtPage);
const MilestoneRoute = signedIn(MilestonePage);
const InsightsRoute = signedIn(InsightsPage);
const WelcomeRoute = signedIn(WelcomePage);

/** `/`: Today for a person who is logged in; for anyone else, what Cando is. */
function Home() {
  const { user } = useSession();
  return user === null ? <LandingPage /> : <TodayRoute />;
}
const SettingsRoute = signedIn(SettingsPage);
const ReportRoute = signedIn(ReportPage);
const MilestonesRoute = signedIn(MilestonesPage);
const HowItWorksRoute = signedIn(HowItWorksPage);
const ReflectionRoute = signedIn(ReflectionPage);
const ReflectionsRoute = signedIn(ReflectionsPage);
const RhythmRoute = signedIn(RhythmPage);
const RerateRoute = signedIn(RerateLadderPage);
const PlanRoute = signedIn(PlanPage);
const RoleModelsRoute = signedIn(RoleModelsPage);
const CoachRoute = signedIn(CoachPage);
const NotificationsRoute = signedIn(NotificationsPage);
const SharedListRoute = signedIn(SharedListPage);
const SharedGoalRoute = signedIn(SharedGoalPage);
const PreviewGrantRoute = signedIn(PreviewGrantPage);
const StartAttemptRoute = signedIn(StartAttemptPage);
const FinishAttemptRoute = signedIn(FinishAttemptPage);
const RunnerRoute = signedIn(RunnerPage);
const RoutineRoute = signedIn(RoutinePage);

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
        There is no page at this address. <a href="/">Go to Today</a>
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
              <Route path="/welcome" component={WelcomeRoute} />
              <Route path="/audit" component={AuditRoute} />
              <Route path="/history" component={HistoryRoute} />
              <Route path="/domains" component={DomainsRoute} />
              <Route path="/goals" component={GoalsRoute} />
              <Route path="/goals/:goalId" component={GoalRoute} />
              <Route path="/goals/:goalId/steps/:stepId/attempt" component={LogAttemptRoute} />
              <Route path="/attempts/:attemptId" component={AttemptRoute} />
              <Route path="/evidence" component={EvidenceRoute} />
              <Route path="/evidence/:evidenceId" component={EvidenceItemRoute} />
              <Route path="/doubt" component={DoubtRoute} />
              <Route path="/milestones" component={MilestonesRoute} />
              <Route path="/milestones/:milestoneId" component={MilestoneRoute} />
              <Route path="/how-cando-works" component={HowItWorksRoute} />
              <Route path="/insights" component={InsightsRoute} />
              <Route path="/settings" component={SettingsRoute} />
              <Route path="/report" component={ReportRoute} />
              <Route path="/reset-password" component={ResetPasswordPage} />
              <Route path="/reflections" component={ReflectionsRoute} />
              <Route path="/reflections/week" component={ReflectionRoute} />
              <Route path="/rhythm" component={RhythmRoute} />
              <Route path="/goals/:goalId/rerate" component={RerateRoute} />
              <Route path="/goals/:goalId/plan" component={PlanRoute} />
              <Route path="/role-models" component={RoleModelsRoute} />
              <Route path="/coach" component={CoachRoute} />
              <Route path="/notifications" component={NotificationsRoute} />
              <Route path="/shared" component={SharedListRoute} />
              <Route path="/shared/goals/:goalId" component={SharedGoalRoute} />
              <Route
                path="/goals/:goalId/see-what-they-see/:grantId"
                component={PreviewGrantRoute}
              />
              <Route path="/invite/:token" component={InvitePage} />
              <Route path="/goals/:goalId/steps/:stepId/start" component={StartAttemptRoute} />
              <Route path="/in-progress/:startId" component={FinishAttemptRoute} />
              <Route path="/prepare" component={RunnerRoute} />
              <Route path="/routines" component={RoutineRoute} />
              <Route path="/login" component={Login} />
              <Route path="/signup" component={Signup} />
              <Route default component={NotFound} />
            </Router>
          </ErrorBoundary>
        </main>
        <ToastHost />
      </SessionProvider>
    </LocationProvider>
  );
}
