import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { api } from "./api/client";
import { useSession } from "./features/accounts/session";
import "./app-header.css";

const NAV = [
  { href: "/", label: "Today" },
  { href: "/goals", label: "Goals" },
  { href: "/evidence", label: "Evidence" },
  { href: "/insights", label: "Insights" },
  { href: "/audit", label: "Audit" },
  { href: "/history", label: "History" },
  { href: "/domains", label: "Domains" },
  { href: "/settings", label: "Settings" },
] as const;

/** "page" on the link to this very page; "true" on the section a deeper page belongs to. */
function current(path: string, href: string): "page" | "true" | undefined {
  if (path === href) return "page";
  return href !== "/" && path.startsWith(`${href}/`) ? "true" : undefined;
}

export function AppHeader() {
  const { user, setUser } = useSession();
  const { path, route } = useLocation();
  const [busy, setBusy] = useState(false);

  async function logOut() {
    setBusy(true);
    try {
      await api.post("/api/auth/logout");
    } catch {
      // The session may already be gone; either way this browser forgets it.
    } finally {
      setBusy(false);
    }
    route("/login?loggedOut=1");
    setUser(null);
  }

  return (
    <header class="app-header">
      <div class="app-header-inner">
        <a class="brand" href="/">
          <svg aria-hidden="true" viewBox="0 0 32 32" width="28" height="28">
            <rect width="32" height="32" rx="7" fill="currentColor" />
            <path
              d="M9 17.5l4.5 4.5L23 11"
              fill="none"
              stroke="#fff"
              stroke-width="3.2"
              stroke-linecap="round"
              stroke-linejoin="round"
            />
          </svg>
          Cando
        </a>
        {user !== null ? (
          <>
            <nav class="main-nav" aria-label="Main">
              <ul class="nav-list">
                {NAV.map((item) => (
                  <li key={item.href}>
                    <a href={item.href} aria-current={current(path, item.href)}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <button type="button" class="button button-quiet" onClick={logOut} disabled={busy}>
              Log out
            </button>
          </>
        ) : (
          <nav class="account-nav" aria-label="Account">
            <ul class="nav-list">
              <li>
                <a href="/login" aria-current={path === "/login" ? "page" : undefined}>
                  Log in
                </a>
              </li>
              <li>
                <a href="/signup" aria-current={path === "/signup" ? "page" : undefined}>
                  Sign up
                </a>
              </li>
            </ul>
          </nav>
        )}
      </div>
    </header>
  );
}
