import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from './ConfirmDialog.tsx';

interface ConfirmButtonProps {
  /** The button that opens the confirmation. */
  label: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  danger?: boolean;
}

/** A (destructive) action behind a confirmation: erase a wallet or a desk, delete a credential. */
export function ConfirmButton({
  label,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  danger = true,
}: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={danger ? 'danger' : undefined} onClick={() => setOpen(true)}>
        {label}
      </button>
      {open ? (
        <ConfirmDialog
          title={title}
          confirmLabel={confirmLabel}
          cancelLabel={cancelLabel}
          danger={danger}
          onCancel={() => setOpen(false)}
          onConfirm={() => {
            setOpen(false);
            onConfirm();
          }}
        >
          {children}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
