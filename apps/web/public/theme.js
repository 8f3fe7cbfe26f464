// Runs before the first paint (a classic script in <head>): the theme the person chose in
// this browser, so a dark-mode choice never flashes light. ui/theme.ts owns the same key.
try {
  const theme = localStorage.getItem("cando-theme");
  if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
} catch {
  // Storage may be blocked: the system's preference applies.
}
