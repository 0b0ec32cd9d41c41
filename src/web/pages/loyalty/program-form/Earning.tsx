import { useI18n } from '../../../i18n/index.ts';
import { Condition } from './Condition.tsx';
import { getAt } from './document.ts';
import { Choice, Field, useProgramForm } from './fields.tsx';
import { ItemList } from './ItemList.tsx';
import { Localized } from './Localized.tsx';
import { Section } from './outline.tsx';
import { earningSummary, multiplierFigures, nameOf, promotionFigures, titled } from './summaries.ts';

/** How purchases earn: the base rate, its rounding and cap, the multipliers and the time-boxed promotions. */
export function Earning() {
  const i18n = useI18n();
  const { t } = i18n;
  const form = useProgramForm();
  const levels = getAt(form.document, ['tiers', 'levels']);
  const zone = i18n.timeZone;
  return (
    <Section id="earning" summary={earningSummary(i18n, form.document, form.currency)} testId="program-form-earning" path="earning">
      <div className="grid">
        <Field path={['earning', 'points_per_currency_unit']} label={t('programForm.pointsPerUnit')} kind="number" required hint={t('programForm.pointsPerUnitHint')} />
        <Choice path={['earning', 'rounding']} label={t('programForm.rounding')} empty={t('programForm.byDefault', { value: t('programForm.rounding.floor') })}
          options={[['floor', t('programForm.rounding.floor')], ['nearest', t('programForm.rounding.nearest')], ['ceil', t('programForm.rounding.ceil')]]} />
        <Field path={['earning', 'daily_cap']} label={t('programForm.dailyCap')} kind="integer" hint={t('programForm.dailyCapHint')} />
        <Field path={['earning', 'minimum_purchase']} label={t('programForm.minimumPurchase')} kind="amount" />
      </div>

      <h4>{t('programForm.multipliers')}</h4>
      <p className="hint">{t('programForm.multipliersHint')}</p>
      <ItemList
        path={['earning', 'multipliers']}
        testId="program-form-multipliers"
        title={(m, i) => titled(t('programForm.multiplier', { n: i + 1 }), nameOf(i18n, m.name))}
        figures={(m) => multiplierFigures(i18n, m, levels)}
        add={t('programForm.addMultiplier')}
        make={() => ({ when: {} })}
        render={(path) => (
          <>
            <Localized path={[...path, 'name']} label={t('programForm.itemName')} />
            <Condition path={[...path, 'when']}>
              <Field path={[...path, 'factor']} label={t('programForm.factor')} kind="number" required placeholder="2" />
            </Condition>
          </>
        )}
      />

      <h4>{t('programForm.promotions')}</h4>
      <p className="hint">{t('programForm.promotionsHint', { zone })}</p>
      <ItemList
        path={['earning', 'promotions']}
        testId="program-form-promotions"
        title={(p, i) => titled(t('programForm.promotion', { n: i + 1 }), nameOf(i18n, p.name))}
        figures={(p) => promotionFigures(i18n, p, levels)}
        add={t('programForm.addPromotion')}
        make={() => ({})}
        render={(path) => (
          <>
            <Localized path={[...path, 'name']} label={t('programForm.itemName')} required />
            <div className="grid instants">
              <Field path={[...path, 'from']} label={t('programForm.from')} kind="instant" required />
              <Field path={[...path, 'to']} label={t('programForm.to')} kind="instant" required />
            </div>
            <div className="grid">
              <Field path={[...path, 'factor']} label={t('programForm.factor')} kind="number" placeholder="2" />
              <Field path={[...path, 'bonus_points']} label={t('programForm.bonusPoints')} kind="integer" />
            </div>
            <h5>{t('programForm.promotionWhen')}</h5>
            <p className="hint">{t('programForm.promotionWhenHint')}</p>
            <Condition path={[...path, 'when']} prune />
          </>
        )}
      />
    </Section>
  );
}
