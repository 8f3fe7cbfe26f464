import type { User } from "@cando/core";
import { type ComponentChildren, createContext } from "preact";
import { useCallback, useContext, useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { ApiError, api, setUnauthenticatedListener } from "../../api/client";
import type { UserResponse } from "../../api/types";
import { LoadError } from "../../ui/feedback";
import { prepareDateFormat } from "../../ui/format";
import { loginPath } from "./redirect";

type Session = { user: User | null; setUser: (user: User | null) => void };

const SessionContext = createContext<Session>({ user: null, setUser: () => {} });

export function useSession(): Session {
  return useContext(SessionContext);
}

type State =
  | { status: "loading" }
  | { status: "ready"; user: User | null }
  | { status: "error"; error: unknown };

/** Asks the server who is logged in once, then keeps the answer for the whole app. */
export function SessionProvider(props: { children: ComponentChildren }) {
  const [state, setState] = useState<State>({ status: "loading" });

  const check = useCallback(() => {
    setState({ status: "loading" });
    api.get<UserResponse>("/api/me").then(
      (body) => setState({ status: "ready", user: body.user }),
      (error: unknown) =>
        setState(
          error instanceof ApiError && error.status === 401
            ? { status: "ready", user: null }
            : { status: "error", error },
        ),
    );
  }, []);

  useEffect(() => {
    setUnauthenticatedListener(() => setState({ status: "ready", user: null }));
    check();
    return () => setUnauthenticatedListener(null);
  }, [check]);

  const setUser = useCallback((user: User | null) => setState({ status: "ready", user }), []);

  if (state.status === "loading") {
    return (
      <p class="boot" role="status">
        Loading Cando…
      </p>
    );
  }
  if (state.status === "error") {
    return (
      <main class="boot">
        <LoadError error={state.error} retry={check} />
      </main>
    );
  }
  return (
    <SessionContext.Provider value={{ user: state.user, setUser }}>
      {props.children}
    </SessionContext.Provider>
  );
}

/** Shows its page only to a logged-in person; anyone else goes to login, which brings them back. */
export function RequireUser(props: { children: ComponentChildren }) {
  const { user } = useSession();
  const { url, route } = useLocation();
  useEffect(() => {
    if (user === null) route(loginPath(url), true);
    else prepareDateFormat();
  }, [user, url, route]);
  return user === null ? null : props.children;
}

/**
 * Log in and sign up are for people who are not logged in: someone who arrives logged in goes
 * home. Only on arrival: after logging in here, the form itself sends the person on (to the
 * page they wanted), and that page may still be loading while this one shows.
 */
export function GuestOnly(props: { children: ComponentChildren }) {
  const { user } = useSession();
  const { route } = useLocation();
  const [arrivedLoggedIn] = useState(user !== null);
  useEffect(() => {
    if (arrivedLoggedIn) route("/", true);
  }, [arrivedLoggedIn, route]);
  return arrivedLoggedIn ? null : props.children;
}
