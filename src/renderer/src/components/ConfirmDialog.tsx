import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * Asks before an action that cannot be undone (issue #9: End and Skip acted at once). A native
 * modal dialog: focus moves into it (to the safe choice, first), Tab stays inside, Escape cancels, and
 * closing returns focus to the button that opened it.
 */
export function ConfirmDialog({ title, children, confirmLabel, cancelLabel, onConfirm, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const handlers = useRef({ onConfirm, onCancel });
  useEffect(() => {
    handlers.current = { onConfirm, onCancel };
  }, [onConfirm, onCancel]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    element.showModal();
    const closed = (): void => {
      // `close` is queued: one from a remount's cleanup (StrictMode) arrives when it is open again.
      if (element.open) return;
      if (element.returnValue === 'confirm') handlers.current.onConfirm();
      else handlers.current.onCancel();
    };
    element.addEventListener('close', closed);
    return () => {
      element.removeEventListener('close', closed);
      if (element.open) element.close();
    };
  }, []);

  return (
    // No <form method="dialog">: the dialog may open from inside the answer form.
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="actions">
        <button type="button" onClick={() => dialog.current?.close('cancel')}>
          {cancelLabel}
        </button>
        <button type="button" className="danger" onClick={() => dialog.current?.close('confirm')}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
