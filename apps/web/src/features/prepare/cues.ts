// The runner's optional cues, each only where the browser supports it: a short tone (Web Audio,
// no files), a vibration, and a screen wake lock so the screen stays on while it runs.

let audio: AudioContext | null = null;

/** A soft 0.15 s tone; higher for breathing in, lower for breathing out. */
export function playTone(high: boolean): void {
  try {
    const Context = window.AudioContext;
    if (!Context) return;
    audio ??= new Context();
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = high ? 660 : 440;
    gain.gain.setValueAtTime(0.0001, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.2, audio.currentTime + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.15);
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.16);
  } catch {
    // No sound is fine: the pacer and the live region carry the same cue.
  }
}

export function canVibrate(): boolean {
  return typeof navigator !== "undefined" && typeof navigator.vibrate === "function";
}

export function vibrate(ms: number): void {
  if (canVibrate()) navigator.vibrate(ms);
}

type Sentinel = { release(): Promise<void> };

/** Keeps the screen on until the returned release is called; a no-op where unsupported. */
export async function keepScreenOn(): Promise<() => void> {
  const lock = (navigator as Navigator & { wakeLock?: { request(t: "screen"): Promise<Sentinel> } })
    .wakeLock;
  if (!lock) return () => {};
  try {
    const sentinel = await lock.request("screen");
    return () => {
      sentinel.release().catch(() => {});
    };
  } catch {
    return () => {};
  }
}

export function prefersReducedMotion(): boolean {
  return (
    typeof window.matchMedia === "function" &&
    window.matchMedia("(prefers-reduced-motion: reduce)").matches
  );
}
