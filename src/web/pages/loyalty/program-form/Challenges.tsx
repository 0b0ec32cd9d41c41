import { useI18n } from '../../../i18n/index.ts';
import { shown } from './document.ts';
import { Check, Choice, Field, useProgramForm } from './fields.tsx';
import { ItemList } from './ItemList.tsx';
import { Localized } from './Localized.tsx';
import { Section } from './outline.tsx';
import { challengeFigures, challengesSummary, nameOf, titled } from './summaries.ts';

/** Goals that earn points once reached: so many visits, or so many categories, within so many days. */
export function Challenges() {
  const i18n = useI18n();
  const { t } = i18n;
  const form = useProgramForm();
  return (
    <Section id="challenges" summary={challengesSummary(i18n, form.document)} testId="program-form-challenges">
      <ItemList
        path={['challenges']}
        testId="program-form-challenge-list"
        title={(challenge, i) => titled(t('programForm.challenge', { n: i + 1 }), nameOf(i18n, challenge.name) || shown(challenge.code))}
        figures={(challenge) => challengeFigures(i18n, challenge)}
        add={t('programForm.addChallenge')}
        make={() => ({ goal: { type: 'visits' } })}
        render={(path) => (
          <>
            <div className="grid">
              <Field path={[...path, 'code']} label={t('programForm.code')} required hint={t('programForm.codeHint')} />
              <Choice path={[...path, 'goal', 'type']} label={t('programForm.goal')} required
                options={[['visits', t('programForm.goal.visits')], ['categories', t('programForm.goal.categories')]]} />
              <Field path={[...path, 'goal', 'count']} label={t('programForm.goalCount')} kind="integer" required />
              <Field path={[...path, 'goal', 'within_days']} label={t('programForm.withinDays')} kind="integer" required />
              <Field path={[...path, 'points']} label={t('programForm.challengePoints')} kind="integer" required />
            </div>
            <Localized path={[...path, 'name']} label={t('programForm.itemName')} required />
            <Check path={[...path, 'repeatable']} label={t('programForm.repeatable')} />
          </>
        )}
      />
    </Section>
  );
}
