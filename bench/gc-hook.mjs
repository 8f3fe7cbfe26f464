// Loaded into the server process by the bench (node --expose-gc --import): on SIGUSR2 it
// collects garbage, so the bench can read the idle memory (RSS) after a full GC.
process.on("SIGUSR2", () => {
  globalThis.gc?.();
  globalThis.gc?.();
});
