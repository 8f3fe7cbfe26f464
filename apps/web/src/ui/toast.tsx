import { useEffect, useState } from "preact/hooks";

type Toast = { id: number; message: string };

let nextId = 1;
let listener: ((toast: Toast) => void) | null = null;

/** Shows a short confirmation ("Saved") for a few seconds; read out politely. */
export function showToast(message: string): void {
  listener?.({ id: nextId++, message });
}

const SHOWN_MS = 6000;

/**
 * Where toasts appear: rendered once by the app. The live region is always in the page (a
 * region added together with its text is often not read out), and each toast can be closed.
 */
export function ToastHost() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  useEffect(() => {
    listener = (toast) => {
      setToasts((list) => [...list.slice(-2), toast]);
      setTimeout(() => setToasts((list) => list.filter((t) => t.id !== toast.id)), SHOWN_MS);
    };
    return () => {
      listener = null;
    };
  }, []);
  return (
    <div class="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div class="toast" key={toast.id}>
          <span>{toast.message}</span>
          <button
            type="button"
            class="toast-close"
            onClick={() => setToasts((list) => list.filter((t) => t.id !== toast.id))}
          >
            <span aria-hidden="true">×</span>
            <span class="visually-hidden">Dismiss</span>
          </button>
        </div>
      ))}
    </div>
  );
}
