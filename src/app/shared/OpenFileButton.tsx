import type { ReactNode } from 'react';

/**
 * "Open a file" as a button-looking label over a hidden file input: the file's text goes to
 * `onText`, or `onTooLarge` is called — before the file is read — when it is over `maxBytes`.
 * The input is cleared after each choice, so the same file can be chosen again (after a refusal,
 * or to read it once more).
 */
export function OpenFileButton({
  label,
  accept,
  maxBytes,
  onTooLarge,
  onText,
}: {
  label: ReactNode;
  accept: string;
  maxBytes: number;
  onTooLarge: () => void;
  onText: (text: string) => void | Promise<void>;
}) {
  return (
    <label className="file-button">
      {label}
      <input
        type="file"
        accept={accept}
        className="visually-hidden"
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          if (file.size > maxBytes) return onTooLarge();
          await onText(await file.text());
        }}
      />
    </label>
  );
}
