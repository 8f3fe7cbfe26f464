import { useCallback, useEffect, useState } from "preact/hooks";

export type Loaded<T> =
  | { status: "loading" }
  | { status: "ready"; data: T }
  | { status: "error"; error: unknown };

/**
 * Runs `load` on mount (and on `reload()`), keeping only the latest answer so a slow,
 * stale response never overwrites a newer one. `set` replaces the data after a local change.
 */
export function useLoad<T>(load: () => Promise<T>): {
  state: Loaded<T>;
  reload: () => void;
  set: (data: T) => void;
} {
  const [state, setState] = useState<Loaded<T>>({ status: "loading" });
  const [version, setVersion] = useState(0);

  // `load` is re-run on demand (reload), not whenever its identity changes.
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setState({ status: "ready", data }),
      (error: unknown) => current && setState({ status: "error", error }),
    );
    return () => {
      current = false;
    };
  }, [version]);

  const reload = useCallback(() => {
    setState({ status: "loading" });
    setVersion((v) => v + 1);
  }, []);
  const set = useCallback((data: T) => setState({ status: "ready", data }), []);
  return { state, reload, set };
}
