import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n/index.ts';
import { getAt, type Path } from './document.ts';
import { Field, Some, useProgramForm } from './fields.tsx';
import { weekdayChoices } from './summaries.ts';
import { choicesOf } from './Tiers.tsx';

// Kept here as the schema lists them (commerce's PURCHASE_CHANNELS): the dashboard's bundle takes no server module.
const CHANNELS = ['in_store', 'online', 'phone', 'other'] as const;

/**
 * Tiers to tick, the program's own levels by code, each shown by its name in the
 * dashboard's language. A program without tiers says so instead; a code ticked in the
 * document that is no level (one since removed) is still offered, to be unticked, with
 * the server's refusal of it.
 */
export function TierChoice({ path, label, hint, prune }: { path: Path; label: string; hint: string; prune?: boolean }) {
  const i18n = useI18n();
  const form = useProgramForm();
  const levels = choicesOf(i18n, getAt(form.document, ['tiers', 'levels']));
  return <Some path={path} label={label} options={levels} hint={levels.length ? hint : i18n.t('programForm.noTiersToChoose')} prune={prune} />;
}

/**
 * What a purchase must match for a multiplier or a promotion (the schema's Condition at
 * `path`): its categories, SKUs and stores, its channel, the member's tier and the weekday
 * in the store's time zone. Every part left empty is left out of the document, never an
 * empty list (the schema wants at least one); with `prune` a condition left with no part
 * goes too (a promotion's is optional, a multiplier's is not). `children` go in the first
 * row of inputs (a multiplier's factor).
 */
export function Condition({ path, prune, children }: { path: Path; prune?: boolean; children?: ReactNode }) {
  const i18n = useI18n();
  const { t } = i18n;
  const channels = CHANNELS.map((c) => [c, t(`timeline.channel.${c}`)] as const);
  return (
    <>
      <div className="grid">
        <Field path={[...path, 'categories']} label={t('programForm.categories')} kind="list" placeholder="coffee, cake" prune={prune} />
        <Field path={[...path, 'skus']} label={t('programForm.skus')} kind="list" prune={prune} />
        <Field path={[...path, 'stores']} label={t('programForm.stores')} kind="list" prune={prune} />
        {children}
      </div>
      <Some path={[...path, 'channels']} label={t('programForm.channels')} options={channels} hint={t('programForm.anyHint')} prune={prune} />
      <TierChoice path={[...path, 'tiers']} label={t('programForm.conditionTiers')} hint={t('programForm.conditionTiersHint')} prune={prune} />
      <Some path={[...path, 'weekdays']} label={t('programForm.weekdays')} options={weekdayChoices(i18n)} hint={t('programForm.weekdaysHint')} prune={prune} />
    </>
  );
}
