import { useEffect, useState } from "preact/hooks";

/**
 * Focus by id once the next render has drawn the element: after an action the clicked button
 * is often gone, and focus follows what it acted on to its new place.
 */
export function useFocusLater(): (id: string) => void {
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (focusId === null) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);
  return setFocusId;
}
