import { useI18n } from '../../../i18n/index.ts';
import { Choice, Field, useProgramForm } from './fields.tsx';
import { PointsName } from './Localized.tsx';
import { Section } from './outline.tsx';
import { generalSummary } from './summaries.ts';

/** The program's name, what its points are called and worth, and how members join and keep their points. */
export function General() {
  const i18n = useI18n();
  const { t } = i18n;
  const form = useProgramForm();
  return (
    <Section id="general" summary={generalSummary(i18n, form.document, form.currency)} testId="program-form-general">
      <div className="grid">
        <Field path={['name']} label={t('programForm.name')} required />
        <Field path={['point_value']} label={t('programForm.pointValue')} kind="amount" hint={t('programForm.pointValueHint')} placeholder="0.01" />
        <Choice path={['enrolment']} label={t('programForm.enrolment')} empty={t('programForm.byDefault', { value: t('programForm.enrolment.automatic') })}
          options={[['automatic', t('programForm.enrolment.automatic')], ['on_request', t('programForm.enrolment.on_request')]]} />
        <Field path={['pending_days']} label={t('programForm.pendingDays')} kind="integer" hint={t('programForm.pendingDaysHint')} placeholder="0" />
        <Choice path={['refund_shortfall']} label={t('programForm.refundShortfall')} empty={t('programForm.byDefault', { value: t('programForm.refundShortfall.negative_balance') })}
          options={[['negative_balance', t('programForm.refundShortfall.negative_balance')], ['forgive', t('programForm.refundShortfall.forgive')]]} />
        <Field path={['reservation_minutes']} label={t('programForm.reservationMinutes')} kind="integer" hint={t('programForm.reservationMinutesHint')} placeholder="15" />
      </div>
      <PointsName path={['points_name']} label={t('programForm.pointsName')} />
    </Section>
  );
}
