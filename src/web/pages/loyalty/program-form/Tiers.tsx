import { useI18n, type I18n } from '../../../i18n/index.ts';
import { getAt, isObject, shown } from './document.ts';
import { Check, Choice, Field, useProgramForm } from './fields.tsx';
import { ItemList } from './ItemList.tsx';
import { Localized } from './Localized.tsx';
import { Section } from './outline.tsx';
import { levelFigures, nameOf, tiersSummary, titled } from './summaries.ts';

/** The document's rewards (or tiers) for a choice among them: each by its code, shown by its name and code ("A slice of cake (free-cake)"). */
export function choicesOf(i18n: I18n, list: unknown): (readonly [code: string, label: string])[] {
  if (!Array.isArray(list)) return [];
  return list.filter((item) => isObject(item) && typeof item.code === 'string' && item.code !== '').map((item) => {
    const code = String(item.code);
    const name = nameOf(i18n, item.name);
    return [code, name && name !== code ? `${name} (${code})` : code] as const;
  });
}

/** Tiers: what qualifies and over which window, and the levels from the base one up, each with its benefits. */
export function Tiers() {
  const i18n = useI18n();
  const { t } = i18n;
  const form = useProgramForm();
  const tiers = getAt(form.document, ['tiers']);
  const rewards = choicesOf(i18n, getAt(form.document, ['rewards']));
  const metric = isObject(tiers) ? tiers.metric : undefined;
  const section = { id: 'tiers' as const, summary: tiersSummary(i18n, form.document, form.currency), testId: 'program-form-tiers', path: 'tiers' };
  // Tiers start with their base level, opened to be named.
  const start = () => {
    form.set(['tiers'], { metric: 'spend', window: 'rolling_12_months', levels: [{ code: 'member', name: {}, threshold: '0' }] });
    form.outline.setOpen('tiers.levels.0', true);
  };
  if (tiers === undefined) {
    return (
      <Section {...section}>
        <p className="hint">{t('programForm.noTiers')}</p>
        <button type="button" className="secondary" onClick={start}>
          {t('programForm.addTiers')}
        </button>
      </Section>
    );
  }
  return (
    <Section {...section}>
      <div className="grid">
        <Choice path={['tiers', 'metric']} label={t('programForm.metric')} required
          options={[['spend', t('programForm.metric.spend')], ['points', t('programForm.metric.points')], ['purchases', t('programForm.metric.purchases')]]} />
        <Choice path={['tiers', 'window']} label={t('programForm.window')} required
          options={[['rolling_12_months', t('programForm.window.rolling_12_months')], ['calendar_year', t('programForm.window.calendar_year')], ['lifetime', t('programForm.window.lifetime')]]} />
        <Field path={['tiers', 'grace_days']} label={t('programForm.graceDays')} kind="integer" placeholder="30" hint={t('programForm.graceDaysHint')} />
      </div>
      <h4>{t('programForm.levels')}</h4>
      <p className="hint">{t('programForm.levelsHint')}</p>
      <ItemList
        path={['tiers', 'levels']}
        testId="program-form-levels"
        reorder
        title={(level, i) => titled(t('programForm.level', { n: i + 1 }), nameOf(i18n, level.name) || shown(level.code))}
        figures={(level) => levelFigures(i18n, level, metric, form.currency)}
        add={t('programForm.addLevel')}
        make={() => ({})}
        render={(path) => (
          <>
            <div className="grid">
              <Field path={[...path, 'code']} label={t('programForm.code')} required hint={t('programForm.codeHint')} />
              <Field path={[...path, 'threshold']} label={t(metric === 'points' ? 'programForm.thresholdPoints' : metric === 'purchases' ? 'programForm.thresholdPurchases' : 'programForm.thresholdSpend')} kind="amount" required />
            </div>
            <Localized path={[...path, 'name']} label={t('programForm.itemName')} required />
            <h5>{t('programForm.benefits')}</h5>
            <div className="grid">
              <Field path={[...path, 'benefits', 'points_multiplier']} label={t('programForm.pointsMultiplier')} kind="number" placeholder="1" prune />
              <Field path={[...path, 'benefits', 'birthday_bonus']} label={t('programForm.birthdayBonus')} kind="integer" prune />
              <Choice path={[...path, 'benefits', 'birthday_reward']} label={t('programForm.birthdayReward')} empty={t('programForm.noReward')}
                options={rewards}
                onChoose={(code) => form.set([...path, 'benefits', 'birthday_reward'], code, { prune: true })} />
              <Field path={[...path, 'benefits', 'flags']} label={t('programForm.flags')} kind="list" prune />
            </div>
            <Check path={[...path, 'benefits', 'early_access']} label={t('programForm.earlyAccess')} />
          </>
        )}
      />
      <button type="button" className="link danger remove-all" onClick={() => window.confirm(t('programForm.removeTiersConfirm')) && form.set(['tiers'], undefined)}>{t('programForm.removeTiers')}</button>
    </Section>
  );
}
