import { useEffect, useState } from 'react';
import { api } from '../../../api.ts';
import { counted } from '../../../i18n/counted.ts';
import { useI18n } from '../../../i18n/index.ts';
import { navigate } from '../../../router.ts';
import { benefitText, campaignStateKey, validityText } from './texts.ts';
import type { Campaign, CampaignPage } from './types.ts';

// The campaigns, newest first, each with how it has done so far and where it stands; a
// campaign's name opens it (its codes, its CSV). A discount that leaves out uses which did
// not tell theirs says how many. `version` changes when one was created.

const PAGE = 20;
export const campaignHref = (id: string) => `/loyalty/promotions?campaign=${id}`;

export function CampaignList({ version }: { version: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [campaigns, setCampaigns] = useState<Campaign[]>();
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);

  const load = async (cursor?: string) => {
    setLoading(true);
    try {
      const page = await api<CampaignPage>(`/coupons/campaigns?limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      setCampaigns((shown) => (cursor && shown ? [...shown, ...page.items] : page.items));
      setNext(page.next_cursor);
      setError(undefined);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    void load();
  }, [version]);

  if (error) return <p className="error">{t('common.error', { message: error })}</p>;
  if (!campaigns) return <p>{t('common.loading')}</p>;
  if (campaigns.length === 0) return <p className="hint" data-testid="campaigns-none">{t('promotions.campaigns.none')}</p>;
  return (
    <>
      <table className="promo-table" data-testid="campaigns-table">
        <thead>
          <tr>
            <th>{t('promotions.col.campaign')}</th>
            <th>{t('promotions.col.benefit')}</th>
            <th className="num">{t('promotions.col.codesUsed')}</th>
            <th className="num">{t('promotions.col.uses')}</th>
            <th className="num">{t('promotions.col.customers')}</th>
            <th className="num">{t('promotions.col.discount')}</th>
            <th>{t('promotions.col.valid')}</th>
            <th>{t('promotions.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {campaigns.map((c) => (
            <tr key={c.id} data-testid="campaign-row">
              <td className="wrap" data-label={t('promotions.col.campaign')}>
                <a
                  href={campaignHref(c.id)}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(campaignHref(c.id));
                  }}
                >
                  <strong>{c.name}</strong>
                </a>
                <br />
                <span className="muted">{c.shared_code === null ? t('promotions.kind.unique_codes') : t('promotions.kind.shared_code', { code: c.shared_code })}</span>
              </td>
              <td data-label={t('promotions.col.benefit')}>{benefitText(i18n, c.benefit, c.currency)}</td>
              <td className="num" data-label={t('promotions.col.codesUsed')}>{t('promotions.ofCodes', { used: i18n.number(c.codes_used), codes: i18n.number(c.codes) })}</td>
              <td className="num" data-label={t('promotions.col.uses')} data-testid="campaign-uses">{i18n.number(c.uses)}</td>
              <td className="num" data-label={t('promotions.col.customers')}>{i18n.number(c.customers)}</td>
              <td className="num" data-label={t('promotions.col.discount')}>
                {c.discount_given === null ? <span className="muted" title={t('promotions.discount.notRecorded')}>—</span> : i18n.money(c.discount_given, c.currency)}
                {c.discount_given !== null && c.uses_without_discount > 0 && (
                  <><br /><span className="muted" data-testid="campaign-discount-partial">{counted(i18n, 'promotionUsesWithoutDiscount', c.uses_without_discount)}</span></>
                )}
              </td>
              <td data-label={t('promotions.col.valid')}>{validityText(i18n, c.valid_from, c.expires_at)}</td>
              <td data-label={t('promotions.col.status')}><span className={`tag state-${c.status}`}>{t(campaignStateKey(c.status))}</span></td>
            </tr>
          ))}
        </tbody>
      </table>
      {next && (
        <button className="secondary more" disabled={loading} onClick={() => void load(next)}>{t('promotions.more')}</button>
      )}
    </>
  );
}
