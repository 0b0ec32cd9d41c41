import { useEffect, useState } from 'react';
import { useCan } from '../../../access.ts';
import { api } from '../../../api.ts';
import { counted } from '../../../i18n/counted.ts';
import { useI18n, type MessageKey } from '../../../i18n/index.ts';
import { navigate } from '../../../router.ts';
import { When } from '../../../When.tsx';
import { benefitText, campaignStateKey, validityText } from './texts.ts';
import type { Campaign, CampaignCode } from './types.ts';

// One campaign: how it has done (its figures as the API counts them), what it gives and
// its limits, and — for an admin, since whoever holds a code can spend it — its codes with
// their uses and the whole list as a CSV to mail-merge.

const PAGE = 50;

export function CampaignDetail({ id }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [campaign, setCampaign] = useState<Campaign>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api<Campaign>(`/coupons/campaigns/${encodeURIComponent(id)}`).then(setCampaign, (e: Error) => setError(e.message));
  }, [id]);

  const back = (
    <a href="/loyalty/promotions" className="back" onClick={(e) => { e.preventDefault(); navigate('/loyalty/promotions'); }}>{t('promotions.back')}</a>
  );
  if (error) return <>{back}<p className="error" role="alert">{t('common.error', { message: error })}</p></>;
  if (!campaign) return <p>{t('common.loading')}</p>;
  const c = campaign;
  const kpi = (label: string, value: string, testId: string) => (
    <div className="card kpi small" data-testid={testId}>
      <span>{label}</span>
      <strong>{value}</strong>
    </div>
  );
  return (
    <div className="promotions" data-testid="campaign-detail">
      {back}
      <h2 className="campaign-title">
        {c.name} <span className={`tag state-${c.status}`}>{t(campaignStateKey(c.status))}</span>
      </h2>
      <div className="kpis">
        {kpi(t('promotions.figure.codes'), i18n.number(c.codes), 'campaign-codes-issued')}
        {kpi(t('promotions.figure.uses'), i18n.number(c.uses), 'campaign-uses-total')}
        {kpi(t('promotions.figure.codesUsed'), i18n.number(c.codes_used), 'campaign-codes-used')}
        {kpi(t('promotions.figure.customers'), i18n.number(c.customers), 'campaign-customers')}
        {kpi(t('promotions.figure.discount'), c.discount_given === null ? '—' : i18n.money(c.discount_given, c.currency), 'campaign-discount')}
      </div>
      {c.uses_without_customer > 0 && <p className="hint">{counted(i18n, 'promotionUsesWithoutCustomer', c.uses_without_customer)}</p>}
      {c.discount_given === null && <p className="hint">{t('promotions.discount.notRecordedLong')}</p>}
      {c.discount_given !== null && c.uses_without_discount > 0 && (
        <p className="hint" data-testid="campaign-discount-partial">{counted(i18n, 'promotionUsesWithoutDiscount', c.uses_without_discount)}</p>
      )}
      <div className="card">
        <dl>
          <div><dt>{t('promotions.col.benefit')}</dt><dd>{benefitText(i18n, c.benefit, c.currency)}</dd></div>
          <div>
            <dt>{t('promotions.new.codes')}</dt>
            <dd>{c.shared_code === null ? counted(i18n, 'promotionUniqueCodes', c.codes) : t('promotions.kind.shared_code', { code: c.shared_code })}</dd>
          </div>
          <div><dt>{t('promotions.new.maxUses')}</dt><dd>{counted(i18n, 'promotionUsesPerCode', c.max_uses)}</dd></div>
          <div>
            <dt>{t('promotions.perCustomer')}</dt>
            <dd>{c.per_customer_limit === null ? t('promotions.noLimit') : counted(i18n, 'promotionTimesPerCustomer', c.per_customer_limit)}</dd>
          </div>
          <div><dt>{t('promotions.col.valid')}</dt><dd>{validityText(i18n, c.valid_from, c.expires_at)}</dd></div>
          <div><dt>{t('promotions.createdAt')}</dt><dd><When at={c.created_at} time /></dd></div>
        </dl>
      </div>
      <CampaignCodes campaign={c} />
    </div>
  );
}

function CampaignCodes({ campaign }: { campaign: Campaign }) {
  const i18n = useI18n();
  const { t } = i18n;
  const mayList = useCan()('admin');
  const [codes, setCodes] = useState<CampaignCode[]>();
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const load = async (cursor?: string) => {
    try {
      const page = await api<{ items: CampaignCode[]; next_cursor: string | null }>(`/coupons/campaigns/${campaign.id}/codes?limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      setCodes((shown) => (cursor && shown ? [...shown, ...page.items] : page.items));
      setNext(page.next_cursor);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  useEffect(() => {
    if (mayList) void load();
  }, [campaign.id, mayList]);

  return (
    <div className="card" data-testid="campaign-codes">
      <div className="toolbar">
        <h2>{t('promotions.codes.title')}</h2>
        {mayList && (
          // A plain link: the browser downloads the file under the name the server gives it, with the session's cookie.
          <a className="secondary" href={`/api/v1/coupons/campaigns/${campaign.id}/codes?format=csv`} download data-testid="codes-csv">{t('promotions.codes.csv')}</a>
        )}
      </div>
      {!mayList ? (
        <p className="hint" data-testid="codes-admin-only">{t('promotions.codes.adminOnly')}</p>
      ) : error ? (
        <p className="error">{t('common.error', { message: error })}</p>
      ) : !codes ? (
        <p>{t('common.loading')}</p>
      ) : (
        <>
          <table className="promo-table" data-testid="codes-table">
            <thead>
              <tr>
                <th>{t('promotions.col.code')}</th>
                <th className="num">{t('promotions.col.uses')}</th>
                <th>{t('promotions.col.lastUsed')}</th>
                <th>{t('promotions.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {codes.map((code) => (
                <tr key={code.code}>
                  <td className="nowrap" data-label={t('promotions.col.code')}><code>{code.code}</code></td>
                  <td className="num" data-label={t('promotions.col.uses')}>{t('promotions.ofCodes', { used: i18n.number(code.uses), codes: i18n.number(code.max_uses) })}</td>
                  <td data-label={t('promotions.col.lastUsed')}><When at={code.last_used_at} time /></td>
                  <td data-label={t('promotions.col.status')}>{t(code.problem_code === null ? 'promotions.code.usable' : (`promotions.code.${code.problem_code}` as MessageKey))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {next && <button className="secondary more" onClick={() => void load(next)}>{t('promotions.more')}</button>}
        </>
      )}
    </div>
  );
}
