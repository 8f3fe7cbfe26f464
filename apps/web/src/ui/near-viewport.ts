import { useEffect, useState } from "preact/hooks";

/**
 * Whether the box is on screen or close to it (within `margin`). Below-the-fold parts wait until
 * they are scrolled near, so their downloads, fetches and drawing never hold up the first screen.
 */
export function useNearViewport(box: { current: HTMLElement | null }, margin = "400px"): boolean {
  const [near, setNear] = useState(typeof IntersectionObserver === "undefined");
  useEffect(() => {
    const el = box.current;
    if (near || el === null) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: `${margin} 0px` },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [near, margin]);
  return near;
}
