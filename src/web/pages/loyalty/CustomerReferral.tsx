import type { MemberAccount } from '../../api.ts';
import { CopyField } from '../../CopyField.tsx';
import { useI18n } from '../../i18n/index.ts';

// The member's referral code and the link to share, as GET /customers/{id}/loyalty gives
// them: staff asked "how do I invite a friend?" copy the link here and send it. The link is
// the shop's address with the code (REFERRAL_LINK); without it the server has no link, and
// the card says so.
export function CustomerReferral({ code, link }: { code: MemberAccount['referral_code']; link: MemberAccount['referral_link'] }) {
  const { t } = useI18n();
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
            <CopyField value={link} label={t('loyalty.referral.link')} fieldTestId="referral-link" buttonTestId="referral-copy" />
          ) : (
            <p className="hint" data-testid="referral-no-link">{t('loyalty.referral.noLink')}</p>
          )}
        </>
      )}
    </div>
  );
}
