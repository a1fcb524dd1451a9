"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Button } from "./button";

/**
 * What a form with a destructive action needs (ADR 010): the form's onSubmit opens the dialog instead
 * of sending (so Enter in a text field cannot skip it), and the dialog's confirm button sends the form
 * itself (requestSubmit) before it closes — a submit button inside the dialog was unmounted by the
 * close before the browser sent anything.
 */
export function useConfirm(formId: string) {
  const [open, setOpen] = useState(false);
  const isConfirmed = useRef(false);
  return {
    open,
    setOpen,
    /** For the form: every submit waits for the dialog. */
    onSubmit(event: FormEvent<HTMLFormElement>) {
      if (isConfirmed.current) {
        isConfirmed.current = false;
        return;
      }
      event.preventDefault();
      setOpen(true);
    },
    /** For the dialog's confirm button. */
    confirm() {
      const form = document.getElementById(formId);
      isConfirmed.current = true;
      if (form instanceof HTMLFormElement) form.requestSubmit();
      setOpen(false);
    },
  };
}

/** Asks before something that cannot be undone; see useConfirm. */
export function ConfirmDialog({
  open,
  onOpenChange,
  onConfirm,
  title,
  description,
  confirmLabel,
  confirmVariant = "danger",
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onConfirm: () => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  /** "primary" where red would alarm (a pupil pausing their meetings); destructive staff actions stay red. */
  confirmVariant?: "danger" | "primary";
}) {
  // The dialog is opened by a button of the page's own (not a Radix trigger), so it remembers what had
  // the focus and gives it back on closing, as a keyboard user expects.
  const returnTo = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (open && document.activeElement instanceof HTMLElement) returnTo.current = document.activeElement;
  }, [open]);
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-black/40" />
        <Dialog.Content
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            if (returnTo.current?.isConnected) returnTo.current.focus();
          }}
          className="fixed top-1/2 left-1/2 w-[min(32rem,92vw)] -translate-x-1/2 -translate-y-1/2 rounded-[var(--radius-card)] bg-surface p-5 shadow-lg"
        >
          <Dialog.Title className="text-lg font-bold">{title}</Dialog.Title>
          <Dialog.Description className="mt-2 text-muted">{description}</Dialog.Description>
          <div className="mt-5 flex flex-wrap justify-end gap-2">
            <Dialog.Close asChild>
              <Button variant="secondary">Cancel</Button>
            </Dialog.Close>
            <Button variant={confirmVariant} onClick={onConfirm}>
              {confirmLabel}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
