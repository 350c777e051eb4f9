import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useApp } from '../store';

/** What to ask. The labels say what happens ("Definitief maken"), not "OK". */
export interface ConfirmOptions {
  title?: string;
  message: string;
  confirmLabel: string;
  /** Defaults to "Annuleren" / "Cancel". */
  cancelLabel?: string;
  /** Red confirm button, and the focus starts on Cancel (the safe choice) instead of on the confirm button. */
  danger?: boolean;
}

interface Pending { options: ConfirmOptions; resolve: (ok: boolean) => void }

/**
 * An in-app replacement for `window.confirm()`: `const [confirmDialog, ask] = useConfirm();`, render
 * `{confirmDialog}` in the component, and `if (!(await ask({ message, confirmLabel }))) return;`.
 * Resolves true on the confirm button, false on Cancel, Escape or when the component goes away.
 * Focus goes back to the element that had it when `ask` was called.
 */
export function useConfirm(): [ReactNode, (options: ConfirmOptions) => Promise<boolean>] {
  const [pending, setPending] = useState<Pending | null>(null);
  const current = useRef<Pending | null>(null);
  const opener = useRef<HTMLElement | null>(null);

  const finish = useCallback((ok: boolean) => {
    const p = current.current;
    if (!p) return;
    current.current = null;
    setPending(null);
    p.resolve(ok);
    const back = opener.current;
    opener.current = null;
    // After the dialog is gone; the opener may be disabled while the action runs, then focus stays on the page.
    if (back) setTimeout(() => { if (back.isConnected) back.focus(); }, 0);
  }, []);

  const ask = useCallback((options: ConfirmOptions) => new Promise<boolean>((resolve) => {
    current.current?.resolve(false);
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const p = { options, resolve };
    current.current = p;
    setPending(p);
  }), []);

  // Leaving the screen with the question open counts as "no".
  useEffect(() => () => { current.current?.resolve(false); current.current = null; }, []);

  const dialog = pending ? <ConfirmDialog options={pending.options} onDone={finish} /> : null;
  return [dialog, ask];
}

function ConfirmDialog({ options, onDone }: { options: ConfirmOptions; onDone: (ok: boolean) => void }) {
  const cancelText = useApp((s) => s.t.common.cancel);
  const ref = useRef<HTMLDialogElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  const titleId = `${id}-title`;
  const messageId = `${id}-message`;
  const { title, message, confirmLabel, cancelLabel, danger } = options;

  useLayoutEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (!d.open) d.showModal();
    (danger ? cancelRef : confirmRef).current?.focus();
    return () => { if (d.open) d.close(); };
  }, [danger]);

  return (
    <dialog ref={ref} className={`confirm-dialog${danger ? ' danger' : ''}`} role="alertdialog"
      aria-labelledby={title ? titleId : messageId} aria-describedby={title ? messageId : undefined}
      // Escape: "cancel", then the browser closes the dialog. A late "close" of a dialog that is open
      // again (React's StrictMode mounts twice) is ignored; after a button it is a no-op anyway.
      onCancel={() => onDone(false)} onClose={() => { if (!ref.current?.open) onDone(false); }}>
      {title && <h2 id={titleId}>{title}</h2>}
      <p id={messageId} className="confirm-message">{message}</p>
      <div className="actions">
        <button ref={confirmRef} type="button" className={danger ? 'danger' : 'primary'} onClick={() => onDone(true)}>{confirmLabel}</button>
        <button ref={cancelRef} type="button" onClick={() => onDone(false)}>{cancelLabel ?? cancelText}</button>
      </div>
    </dialog>
  );
}
