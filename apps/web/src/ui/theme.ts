/** The theme a person can choose: follow the system, or always light, or always dark. */
export type ThemeChoice = "system" | "light" | "dark";

/** The localStorage key; public/theme.js reads the same key before the first paint. */
export const THEME_KEY = "cando-theme";

/** Dispatched on window when the choice changes, so charts drawn on canvas can redraw. */
export const THEME_EVENT = "cando-theme-change";

export const THEME_CHOICES: readonly { value: ThemeChoice; label: string }[] = [
  { value: "system", label: "System" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
];

/** A stored value read back as a choice; anything unknown (or nothing) means "system". */
export function parseThemeChoice(stored: string | null | undefined): ThemeChoice {
  return stored === "light" || stored === "dark" ? stored : "system";
}

/** The theme actually shown: the choice, or the system's preference when it is "system". */
export function resolveTheme(choice: ThemeChoice, systemDark: boolean): "light" | "dark" {
  if (choice === "system") return systemDark ? "dark" : "light";
  return choice;
}

export function readThemeChoice(): ThemeChoice {
  try {
    return parseThemeChoice(localStorage.getItem(THEME_KEY));
  } catch {
    return "system";
  }
}

/** Stores the choice in this browser and applies it to the page at once. */
export function applyThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === "system") localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, choice);
  } catch {
    // Storage blocked: the choice still holds until the page is reloaded.
  }
  const root = document.documentElement;
  if (choice === "system") delete root.dataset["theme"];
  else root.dataset["theme"] = choice;
  window.dispatchEvent(new Event(THEME_EVENT));
}
