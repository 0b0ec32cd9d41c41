import { useRef, useState } from 'react';
import { useI18n } from './i18n/index.ts';

/**
 * A value to copy (a secret shown once, a member's referral link): read-only, selected when
 * focused, with a Copy button. The clipboard API exists only in secure contexts (a
 * dashboard served over plain http on a shop's LAN has none), so the copy falls back to
 * selecting the text and the browser's copy, and says so when that fails too.
 */
export function CopyField({ value, label, fieldTestId, buttonTestId }: { value: string; label: string; fieldTestId: string; buttonTestId?: string }) {
  const { t } = useI18n();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no'>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      field.current?.select();
      setCopied(document.execCommand('copy') ? 'yes' : 'no');
    }
  };
  return (
    <>
      <div className="secret-row">
        <input ref={field} readOnly value={value} aria-label={label} data-testid={fieldTestId} onFocus={(e) => e.target.select()} spellCheck={false} />
        <button type="button" className="secondary" onClick={copy} data-testid={buttonTestId}>
          {copied === 'yes' ? t('settings.copied') : t('settings.copy')}
        </button>
      </div>
      {copied === 'no' && <p className="error">{t('settings.copyFailed')}</p>}
    </>
  );
}
