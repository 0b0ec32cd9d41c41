import { useI18n } from '../../../i18n/index.ts';
import { getAt, isObject, shown, withRewardType } from './document.ts';
import { TierChoice } from './Condition.tsx';
import { Choice, Field, useProgramForm } from './fields.tsx';
import { ItemList } from './ItemList.tsx';
import { Localized } from './Localized.tsx';
import { Section } from './outline.tsx';
import { nameOf, rewardFigures, rewardsSummary, titled } from './summaries.ts';

const TYPES = ['fixed_discount', 'percent_discount', 'free_product', 'gift_card', 'event'] as const;

/**
 * What points buy. A reward shows the fields its type needs (an amount, a percentage, a
 * product, an event); switching the type drops the fields only the other types read
 * (withRewardType), which the server would refuse at a field no longer shown.
 */
export function Rewards() {
  const i18n = useI18n();
  const { t } = i18n;
  const form = useProgramForm();
  const zone = i18n.timeZone;
  return (
    <Section id="rewards" summary={rewardsSummary(i18n, form.document)} testId="program-form-rewards">
      <ItemList
        path={['rewards']}
        testId="program-form-reward-list"
        title={(reward, i) => titled(t('programForm.reward', { n: i + 1 }), nameOf(i18n, reward.name) || shown(reward.code))}
        figures={(reward) => rewardFigures(i18n, reward, getAt(form.document, ['tiers', 'levels']), form.currency)}
        add={t('programForm.addReward')}
        make={() => ({ type: 'fixed_discount' })}
        render={(path) => {
          const type = getAt(form.document, [...path, 'type']);
          return (
            <>
              <div className="grid">
                <Field path={[...path, 'code']} label={t('programForm.code')} required hint={t('programForm.codeHint')} />
                <Choice path={[...path, 'type']} label={t('programForm.rewardType')} required options={TYPES.map((ty) => [ty, t(`loyalty.rewardType.${ty}`)] as const)}
                  onChoose={(chosen) => {
                    const reward = getAt(form.document, path);
                    form.set(path, isObject(reward) ? withRewardType(reward, chosen) : { type: chosen });
                  }} />
                {(type === 'fixed_discount' || type === 'gift_card') && <Field path={[...path, 'amount']} label={t('programForm.amount')} kind="amount" required placeholder="5.00" />}
                {type === 'percent_discount' && <Field path={[...path, 'percent']} label={t('programForm.percent')} kind="number" required placeholder="10" />}
                {type === 'free_product' && <Field path={[...path, 'sku']} label={t('programForm.sku')} required />}
                <Field path={[...path, 'points']} label={t('programForm.rewardPoints')} kind="integer" required />
                <Field path={[...path, 'stock']} label={t('programForm.stock')} kind="integer" hint={t('programForm.stockHint')} />
                <Field path={[...path, 'valid_days']} label={t('programForm.validDays')} kind="integer" placeholder="90" />
              </div>
              <div className="grid instants">
                <Field path={[...path, 'available_from']} label={t('programForm.availableFrom')} kind="instant" hint={t('programForm.availableFromHint', { zone })} />
                <Field path={[...path, 'available_to']} label={t('programForm.availableTo')} kind="instant" hint={t('programForm.availableToHint')} />
              </div>
              <Localized path={[...path, 'name']} label={t('programForm.itemName')} required />
              {type === 'event' && <Localized path={[...path, 'event']} label={t('programForm.event')} required />}
              <TierChoice path={[...path, 'tiers']} label={t('programForm.rewardTiers')} hint={t('programForm.rewardTiersHint')} />
            </>
          );
        }}
      />
    </Section>
  );
}
