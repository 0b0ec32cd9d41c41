import { useEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

/**
 * A question asked in place before an action that cannot be taken back (redeeming spends a
 * member's points, a gift card is money as soon as it is issued): an alertdialog naming what
 * would be done, its Yes a submit button of the form around it, focused as it opens. Cancel
 * or Escape closes it, as any dialog, and the focus goes back to `opener`, the button that
 * asked (the redeem confirmation's Escape did nothing: only its Cancel closed it).
 */
export function Confirmation({ label, testId, question, yes, cancel, busy, opener, onCancel }: {
  label: string;
  testId: string;
  question: ReactNode;
  yes: string;
  cancel: string;
  busy?: boolean;
  opener: RefObject<HTMLButtonElement | null>;
  onCancel(): void;
}) {
  // Closed by Cancel or Escape: the focus goes back to what asked, shown again by then (an effect's cleanup runs after the commit that puts the opener back).
  const cancelled = useRef(false);
  useEffect(() => () => {
    if (cancelled.current) opener.current?.focus();
  }, [opener]);
  const close = () => {
    cancelled.current = true;
    onCancel();
  };
  const escape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    close();
  };
  return (
    <div className="notice" role="alertdialog" aria-label={label} data-testid={testId} onKeyDown={escape}>
      <p>{question}</p>
      <div className="toolbar">
        <button type="submit" className="primary" disabled={busy} autoFocus data-testid={`${testId}-yes`}>{yes}</button>
        <button type="button" className="secondary" onClick={close} data-testid={`${testId}-cancel`}>{cancel}</button>
      </div>
    </div>
  );
}
