import { useI18n } from '../../../i18n/index.ts';
import { getAt, isObject } from './document.ts';
import { Choice, Field, useProgramForm } from './fields.tsx';
import { Section } from './outline.tsx';
import { bonusesSummary, expirySummary } from './summaries.ts';

/** Points not tied to spending, and the referral bonus. */
export function Bonuses() {
  const i18n = useI18n();
  const { t } = i18n;
  const form = useProgramForm();
  const points = (kind: 'sign_up' | 'first_purchase' | 'birthday' | 'profile_completion' | 'survey') => (
    <Field key={kind} path={['bonuses', kind]} label={t(`loyalty.bonus.${kind}`)} kind="integer" prune />
  );
  return (
    <Section id="bonuses" summary={bonusesSummary(i18n, form.document)} testId="program-form-bonuses" path="bonuses">
      <div className="grid">
        {points('sign_up')}
        {points('first_purchase')}
        {points('birthday')}
        {points('profile_completion')}
        {points('survey')}
      </div>
      <h4>{t('loyalty.bonus.referral')}</h4>
      <p className="hint">{t('programForm.referralHint')}</p>
      <div className="grid">
        <Field path={['bonuses', 'referral', 'referrer']} label={t('programForm.referrer')} kind="integer" prune />
        <Field path={['bonuses', 'referral', 'friend']} label={t('programForm.friend')} kind="integer" prune />
        <Field path={['bonuses', 'referral', 'minimum_purchase']} label={t('programForm.friendMinimum')} kind="amount" prune />
      </div>
    </Section>
  );
}

/**
 * When points expire. "Never" takes no months (the schema refuses them there), so choosing
 * it leaves them out; choosing between the other two keeps them.
 */
export function Expiry() {
  const i18n = useI18n();
  const { t } = i18n;
  const form = useProgramForm();
  const expiry = getAt(form.document, ['expiry']);
  const policy = isObject(expiry) ? expiry.policy : undefined;
  const choose = (chosen: string | undefined) => {
    if (chosen === undefined) form.set(['expiry'], undefined);
    else if (chosen === 'none') form.set(['expiry'], { policy: 'none' });
    else form.set(['expiry', 'policy'], chosen);
  };
  return (
    <Section id="expiry" summary={expirySummary(i18n, form.document)} testId="program-form-expiry" path="expiry">
      <div className="grid">
        <Choice path={['expiry', 'policy']} label={t('programForm.expiryPolicy')} onChoose={choose} empty={t('programForm.byDefault', { value: t('programForm.expiry.none') })}
          options={[['none', t('programForm.expiry.none')], ['per_lot', t('programForm.expiry.per_lot')], ['inactivity', t('programForm.expiry.inactivity')]]} />
        {policy !== undefined && policy !== 'none' && (
          <>
            <Field path={['expiry', 'months']} label={t(policy === 'inactivity' ? 'programForm.monthsInactive' : 'programForm.months')} kind="integer" required />
            <Field path={['expiry', 'reminder_days']} label={t('programForm.reminderDays')} kind="integer" hint={t('programForm.reminderDaysHint')} placeholder="14" />
          </>
        )}
      </div>
    </Section>
  );
}
