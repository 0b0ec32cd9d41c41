import { useRef, useState } from 'react';
import type { MemberAccount } from '../../api.ts';
import { useI18n } from '../../i18n/index.ts';

// The member's referral code and the link to share, as GET /customers/{id}/loyalty gives
// them: staff asked "how do I invite a friend?" copy the link here and send it. The link is
// the shop's address with the code (REFERRAL_LINK); without it the server has no link, and
// the card says so. The clipboard API exists only in secure contexts (a dashboard on a
// shop's LAN over plain http has none): the copy falls back to selecting the text.
export function CustomerReferral({ code, link }: { code: MemberAccount['referral_code']; link: MemberAccount['referral_link'] }) {
  const { t } = useI18n();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no'>();
  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      field.current?.select();
      setCopied(document.execCommand('copy') ? 'yes' : 'no');
    }
  };
  return (
    <div className="card" data-testid="loyalty-referral">
      <h2>{t('loyalty.referral.title')}</h2>
      {!code ? (
        <p className="hint">{t('loyalty.referral.none')}</p>
      ) : (
        <>
          <p>
            {t('loyalty.referral.code')} <code data-testid="referral-code">{code}</code>
          </p>
          {link ? (
            <div className="secret-row">
              <input ref={field} readOnly value={link} aria-label={t('loyalty.referral.link')} data-testid="referral-link" onFocus={(e) => e.target.select()} spellCheck={false} />
              <button type="button" className="secondary" onClick={copy} data-testid="referral-copy">
                {copied === 'yes' ? t('settings.copied') : t('settings.copy')}
              </button>
            </div>
          ) : (
            <p className="hint" data-testid="referral-no-link">{t('loyalty.referral.noLink')}</p>
          )}
          {copied === 'no' && <p className="error">{t('settings.copyFailed')}</p>}
        </>
      )}
    </div>
  );
}
