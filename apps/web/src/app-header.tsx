import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { api } from "./api/client";
import { useSession } from "./features/accounts/session";
import { NotificationsLink } from "./features/notifications/unread";
import { Menu } from "./ui/menu";
import { ThemeSwitch } from "./ui/theme-switch";
import "./app-header.css";

/** Icons for the phone's bottom bar (24 px, drawn with the link's colour). */
const ICONS = {
  today:
    "M12 3v2M12 19v2M4.2 4.2l1.4 1.4M18.4 18.4l1.4 1.4M3 12h2M19 12h2M4.2 19.8l1.4-1.4M18.4 5.6l1.4-1.4M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z",
  goals: "M5 21V4M5 4h11l-2 4 2 4H5",
  evidence: "M12 3l2.6 5.4 5.9.8-4.3 4.1 1 5.8L12 16.4 6.8 19.1l1-5.8L3.5 9.2l5.9-.8z",
  insights: "M4 20h16M7 16v-5M12 16V7M17 16v-8",
} as const;

type NavItem = { href: string; label: string; icon?: keyof typeof ICONS };

/** On a phone the first four sit in the bottom bar; the rest are under "More". */
const PRIMARY: readonly NavItem[] = [
  { href: "/", label: "Today", icon: "today" },
  { href: "/goals", label: "Goals", icon: "goals" },
  { href: "/evidence", label: "Evidence", icon: "evidence" },
  { href: "/insights", label: "Insights", icon: "insights" },
];
/** Beside them on a wide screen; under "More" on a phone. */
const SECONDARY: readonly NavItem[] = [
  { href: "/audit", label: "Audit" },
  { href: "/history", label: "History" },
];
/** Always in the menu: the bar stays one line wide at 1280 px as pages are added. */
const IN_MENU: readonly NavItem[] = [
  { href: "/domains", label: "Domains" },
  { href: "/role-models", label: "Role models" },
  { href: "/shared", label: "Shared with me" },
  { href: "/coach", label: "Clients" },
  { href: "/settings", label: "Settings" },
];

/** "page" on the link to this very page; "true" on the section a deeper page belongs to. */
function current(path: string, href: string): "page" | "true" | undefined {
  if (path === href) return "page";
  return href !== "/" && path.startsWith(`${href}/`) ? "true" : undefined;
}

function NavIcon(props: { icon: keyof typeof ICONS }) {
  return (
    <svg class="nav-icon" aria-hidden="true" viewBox="0 0 24 24" width="24" height="24">
      <path
        d={ICONS[props.icon]}
        fill="none"
        stroke="currentColor"
        stroke-width="1.9"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
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
              stroke="var(--surface)"
              stroke-width="3.2"
              stroke-linecap="round"
              stroke-linejoin="round"
            />
          </svg>
          Cando
        </a>
        {user !== null && <NotificationsLink path={path} />}
        {user !== null ? (
          <nav class="main-nav" aria-label="Main">
            <ul class="nav-list">
              {PRIMARY.map((item) => (
                <li key={item.href}>
                  <a href={item.href} aria-current={current(path, item.href)}>
                    {item.icon && <NavIcon icon={item.icon} />}
                    <span class="nav-label">{item.label}</span>
                  </a>
                </li>
              ))}
              {SECONDARY.map((item) => (
                <li key={item.href} class="nav-secondary">
                  <a href={item.href} aria-current={current(path, item.href)}>
                    <span class="nav-label">{item.label}</span>
                  </a>
                </li>
              ))}
              <li class="nav-menu">
                <Menu
                  id="app-menu"
                  label={
                    <>
                      <svg
                        class="nav-icon phone-only"
                        aria-hidden="true"
                        viewBox="0 0 24 24"
                        width="24"
                        height="24"
                      >
                        <path
                          d="M4 7h16M4 12h16M4 17h16"
                          fill="none"
                          stroke="currentColor"
                          stroke-width="1.9"
                          stroke-linecap="round"
                        />
                      </svg>
                      <span class="nav-label phone-only">More</span>
                      <span class="wide-only">Menu</span>
                    </>
                  }
                  buttonClass="nav-menu-button"
                >
                  {SECONDARY.map((item) => (
                    <a
                      key={item.href}
                      class="menu-item phone-only"
                      href={item.href}
                      aria-current={current(path, item.href)}
                    >
                      {item.label}
                    </a>
                  ))}
                  {IN_MENU.map((item) => (
                    <a
                      key={item.href}
                      class="menu-item"
                      href={item.href}
                      aria-current={current(path, item.href)}
                    >
                      {item.label}
                    </a>
                  ))}
                  <hr class="menu-separator" />
                  <div class="menu-theme">
                    <ThemeSwitch id="app-theme" />
                  </div>
                  <hr class="menu-separator" />
                  <button type="button" class="menu-item" onClick={logOut} disabled={busy}>
                    Log out
                  </button>
                </Menu>
              </li>
            </ul>
          </nav>
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
