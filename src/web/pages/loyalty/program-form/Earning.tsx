import { useI18n } from '../../../i18n/index.ts';
import { Choice, Field, Some, useProgramForm } from './fields.tsx';
import { ItemList } from './ItemList.tsx';
import { Localized } from './Localized.tsx';
import { Section } from './outline.tsx';
import { earningSummary, multiplierFigures, nameOf, promotionFigures, titled } from './summaries.ts';

// Kept here as the schema lists them (commerce's PURCHASE_CHANNELS): the dashboard's bundle takes no server module.
const CHANNELS = ['in_store', 'online', 'phone', 'other'] as const;

/** How purchases earn: the base rate, its rounding and cap, the multipliers and the time-boxed promotions. */
export function Earning() {
  const i18n = useI18n();
  const { t } = i18n;
  const form = useProgramForm();
  const channels = CHANNELS.map((c) => [c, t(`timeline.channel.${c}`)] as const);
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
        figures={(m) => multiplierFigures(i18n, m)}
        add={t('programForm.addMultiplier')}
        make={() => ({ when: {} })}
        render={(path) => (
          <>
            <Localized path={[...path, 'name']} label={t('programForm.itemName')} />
            <div className="grid">
              <Field path={[...path, 'when', 'categories']} label={t('programForm.categories')} kind="list" placeholder="coffee, cake" />
              <Field path={[...path, 'when', 'skus']} label={t('programForm.skus')} kind="list" />
              <Field path={[...path, 'when', 'stores']} label={t('programForm.stores')} kind="list" />
              <Field path={[...path, 'factor']} label={t('programForm.factor')} kind="number" required placeholder="2" />
            </div>
            <Some path={[...path, 'when', 'channels']} label={t('programForm.channels')} options={channels} hint={t('programForm.anyHint')} />
          </>
        )}
      />

      <h4>{t('programForm.promotions')}</h4>
      <p className="hint">{t('programForm.promotionsHint', { zone: Intl.DateTimeFormat().resolvedOptions().timeZone })}</p>
      <ItemList
        path={['earning', 'promotions']}
        testId="program-form-promotions"
        title={(p, i) => titled(t('programForm.promotion', { n: i + 1 }), nameOf(i18n, p.name))}
        figures={(p) => promotionFigures(i18n, p)}
        add={t('programForm.addPromotion')}
        make={() => ({})}
        render={(path) => (
          <>
            <Localized path={[...path, 'name']} label={t('programForm.itemName')} required />
            <div className="grid">
              <Field path={[...path, 'from']} label={t('programForm.from')} kind="instant" required />
              <Field path={[...path, 'to']} label={t('programForm.to')} kind="instant" required />
              <Field path={[...path, 'factor']} label={t('programForm.factor')} kind="number" placeholder="2" />
              <Field path={[...path, 'bonus_points']} label={t('programForm.bonusPoints')} kind="integer" />
            </div>
          </>
        )}
      />
    </Section>
  );
}
