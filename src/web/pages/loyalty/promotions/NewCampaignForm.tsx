import { useState, type FormEvent, type ReactNode } from 'react';
import { useCan } from '../../../access.ts';
import { api, newIdempotencyKey } from '../../../api.ts';
import { counted } from '../../../i18n/counted.ts';
import { useI18n, type I18n } from '../../../i18n/index.ts';
import { navigate } from '../../../router.ts';
import { DateTimeField, dateTimeMistake } from '../../../DateField.tsx';
import { instantOfWallClock } from '../../../time.ts';
import { useSubmission } from '../../../useSubmission.ts';
import { parseAmount } from '../program-form/document.ts';
import { campaignHref } from './CampaignList.tsx';
import { Field, Others } from './Field.tsx';
import { amountMistake, wholeNumber } from './texts.ts';
import type { CampaignCreated } from './types.ts';

// A campaign of promotion coupons, as POST /coupons/campaigns takes it: what its coupons
// give, unique codes to hand out or one code for everyone, how often each may be used,
// and when (typed in the business's time zone, sent with its offset that day). The server
// checks it all and its refusals show at their inputs. The idempotency key is made once
// per filling of the form, so a double click, or a retry after a lost answer, makes one
// campaign; a created campaign starts a new filling.

type BenefitType = 'fixed_discount' | 'percent_discount' | 'free_product';
const FIELDS = ['name', 'benefit', 'benefit.type', 'benefit.amount', 'benefit.percent', 'benefit.sku', 'count', 'code', 'max_uses', 'per_customer_limit', 'valid_from', 'expires_at'];
const EMPTY = { name: '', type: 'fixed_discount' as BenefitType, amount: '', percent: '', sku: '', shared: false, count: '100', code: '', maxUses: '1', perCustomer: '', validFrom: '', expiresAt: '' };

export function NewCampaignForm({ currency, onCreated }: { currency: string; onCreated: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const mayCreate = useCan()('admin');
  const [form, setForm] = useState(EMPTY);
  const [key, setKey] = useState(newIdempotencyKey);
  // What the last filling made, and whether it was one shared code (said by the code) or unique codes (by their count).
  const [created, setCreated] = useState<{ campaign: CampaignCreated; shared: boolean }>();
  const { busy, problems, failure, submit, setProblems, setFailure } = useSubmission();
  // The dates the fields cannot read, held back from the server: each field says why itself.
  const [unreadable, setUnreadable] = useState<string[]>([]);
  // A refusal speaks of what the fields held: gone once one changes.
  const set = <K extends keyof typeof EMPTY>(field: K, value: (typeof EMPTY)[K]) => {
    setForm((f) => ({ ...f, [field]: value }));
    setUnreadable([]);
    setProblems([]);
    setFailure(undefined);
  };

  const benefit = () => {
    // A decimal comma ("5,50", as Slovenian, Danish and Russian write it) reads as the program form reads it; it was refused.
    if (form.type === 'fixed_discount') return { type: form.type, amount: parseAmount(form.amount) ?? '' };
    if (form.type === 'percent_discount') {
      const percent = form.percent.trim().replace(',', '.');
      return { type: form.type, percent: percent !== '' && Number.isFinite(Number(percent)) ? Number(percent) : percent };
    }
    return { type: form.type, sku: form.sku.trim() };
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setCreated(undefined);
    // The dates are checked before anything is sent (as the program's In force from is): a day or
    // time a field cannot read it says itself; a time without its day is told at it, naming the day.
    // So is a discount's amount, told in the dashboard's words (a Danish "25,50" is an amount; nothing typed is missing).
    const dates = [['valid_from', form.validFrom], ['expires_at', form.expiresAt]].map(([field, value]) => ({ field, mistake: dateTimeMistake(value) }));
    const amount = form.type === 'fixed_discount' ? amountMistake(i18n, form.amount, currency) : undefined;
    if (amount || dates.some((d) => d.mistake)) {
      setUnreadable(dates.filter((d) => d.mistake === 'unreadable').map((d) => d.field));
      setProblems([
        ...(amount ? [{ field: 'benefit.amount', reason: amount }] : []),
        ...dates.filter((d) => d.mistake === 'day').map((d) => ({ field: d.field, reason: t('common.dateTimeField.dayMissing') })),
      ]);
      return;
    }
    const body = {
      name: form.name.trim(), idempotency_key: key, benefit: benefit(),
      count: form.shared ? undefined : wholeNumber(form.count), code: form.shared ? form.code.trim() : undefined,
      max_uses: wholeNumber(form.maxUses), per_customer_limit: wholeNumber(form.perCustomer),
      valid_from: instantOfWallClock(form.validFrom, i18n.timeZone), expires_at: instantOfWallClock(form.expiresAt, i18n.timeZone),
    };
    const answer = await submit(() => api<CampaignCreated>('/coupons/campaigns', { method: 'POST', body }));
    if (!answer) return;
    setCreated({ campaign: answer, shared: form.shared });
    setForm(EMPTY);
    setKey(newIdempotencyKey());
    onCreated();
  };

  const field = (label: string, name: string, input: ReactNode, className?: string) => (
    <Field label={label} field={name} problems={problems} className={className}>{input}</Field>
  );
  const refused = (name: string) => problems.some((p) => p.field === name) || unreadable.includes(name) || undefined;

  return (
    <form className="form promo-form" onSubmit={save} noValidate data-testid="new-campaign">
      {!mayCreate && <p className="hint" data-testid="campaign-admin-only">{t('promotions.adminOnly')}</p>}
      <fieldset disabled={!mayCreate || busy}>
        {field(t('promotions.new.name'), 'name', <input data-testid="campaign-name" value={form.name} maxLength={200} aria-invalid={refused('name')} onChange={(e) => set('name', e.target.value)} />)}
        <div className="promo-row">
          {field(t('promotions.new.benefit'), 'benefit', (
            <select data-testid="campaign-benefit" value={form.type} onChange={(e) => set('type', e.target.value as BenefitType)}>
              <option value="fixed_discount">{t('promotions.new.benefitFixed')}</option>
              <option value="percent_discount">{t('promotions.new.benefitPercent')}</option>
              <option value="free_product">{t('promotions.new.benefitFree')}</option>
            </select>
          ))}
          {form.type === 'fixed_discount' && field(t('promotions.new.amount', { currency }), 'benefit.amount', (
            <input data-testid="campaign-amount" inputMode="decimal" value={form.amount} aria-invalid={refused('benefit.amount')} onChange={(e) => set('amount', e.target.value)} />
          ))}
          {form.type === 'percent_discount' && field(t('promotions.new.percent'), 'benefit.percent', (
            <input data-testid="campaign-percent" inputMode="decimal" value={form.percent} aria-invalid={refused('benefit.percent')} onChange={(e) => set('percent', e.target.value)} />
          ))}
          {form.type === 'free_product' && field(t('promotions.new.sku'), 'benefit.sku', (
            <input data-testid="campaign-sku" value={form.sku} aria-invalid={refused('benefit.sku')} onChange={(e) => set('sku', e.target.value)} />
          ))}
        </div>
        <fieldset className="promo-choice">
          <legend>{t('promotions.new.codes')}</legend>
          <label className="inline">
            <input type="radio" name="campaign-codes" data-testid="campaign-unique" checked={!form.shared} onChange={() => set('shared', false)} />
            {t('promotions.new.unique')}
          </label>
          <label className="inline">
            <input type="radio" name="campaign-codes" data-testid="campaign-shared" checked={form.shared} onChange={() => set('shared', true)} />
            {t('promotions.new.shared')}
          </label>
        </fieldset>
        <div className="promo-row">
          {form.shared
            ? field(t('promotions.new.code'), 'code', (
              <input data-testid="campaign-code" value={form.code} placeholder={t('promotions.new.codeHint')} aria-invalid={refused('code')} onChange={(e) => set('code', e.target.value)} />
            ))
            : field(t('promotions.new.count'), 'count', (
              <input data-testid="campaign-count" inputMode="numeric" value={form.count} aria-invalid={refused('count')} onChange={(e) => set('count', e.target.value)} />
            ))}
          {field(t('promotions.new.maxUses'), 'max_uses', (
            <input data-testid="campaign-max-uses" inputMode="numeric" value={form.maxUses} aria-invalid={refused('max_uses')} onChange={(e) => set('maxUses', e.target.value)} />
          ))}
          {field(t('promotions.new.perCustomer'), 'per_customer_limit', (
            <input data-testid="campaign-per-customer" inputMode="numeric" value={form.perCustomer} aria-invalid={refused('per_customer_limit')} onChange={(e) => set('perCustomer', e.target.value)} />
          ))}
        </div>
        <div className="promo-row">
          {field(t('promotions.new.validFrom'), 'valid_from', (
            <DateTimeField testId="campaign-valid-from" label={t('promotions.new.validFrom')} value={form.validFrom} invalid={refused('valid_from')} onChange={(value) => set('validFrom', value)} />
          ))}
          {field(t('promotions.new.expiresAt'), 'expires_at', (
            <DateTimeField testId="campaign-expires-at" label={t('promotions.new.expiresAt')} value={form.expiresAt} invalid={refused('expires_at')} onChange={(value) => set('expiresAt', value)} />
          ))}
        </div>
        <p className="hint zone-hint" data-testid="campaign-time-zone">{t('common.timesIn', { zone: i18n.timeZone })}</p>
        <button type="submit" className="primary" data-testid="campaign-submit">{t('promotions.new.submit')}</button>
      </fieldset>
      <Others problems={problems} failure={failure} shown={FIELDS} />
      {created && (
        <p role="status" className="ok" data-testid="campaign-created">
          {created.campaign.created
            ? t('promotions.new.created', { name: created.campaign.name, codes: codesMade(i18n, created) })
            : t('promotions.new.replayed', { name: created.campaign.name })}{' '}
          <a href={campaignHref(created.campaign.id)} onClick={(e) => { e.preventDefault(); navigate(campaignHref(created.campaign.id)); }}>{t('promotions.open')}</a>
        </p>
      )}
    </form>
  );
}

/** "50 unique codes", or the shared code itself. */
function codesMade(i18n: I18n, { campaign, shared }: { campaign: CampaignCreated; shared: boolean }): string {
  return shared ? i18n.t('promotions.new.sharedCode', { code: campaign.codes[0] }) : counted(i18n, 'promotionUniqueCodes', campaign.codes.length);
}
