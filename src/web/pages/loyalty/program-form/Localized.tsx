import { useId, useState } from 'react';
import { PLURAL_CATEGORIES, pluralRules } from '../../../../shared/plural.ts';
import { LANGUAGE_NAMES, LANGUAGES, useI18n, type I18n, type Language } from '../../../i18n/index.ts';
import { getAt, isObject, pathKey, setAt, shown, withLanguage, type Path } from './document.ts';
import { useProgramForm } from './fields.tsx';

// A text the program gives per language: an input for each of the dashboard's five
// languages; a language left empty is left out of the document. A text written once for
// every language ("Gold") shows in an input of its own until it is given per language.

/** A language's input of a text per language, its reasons under it. */
function LanguageInput({ path, language, label, value, onChange }: { path: Path; language: Language; label: string; value: string; onChange: (text: string) => void }) {
  const form = useProgramForm();
  const id = useId();
  const reasons = form.problems(path);
  return (
    <div className={`field${reasons.length ? ' refused' : ''}`}>
      <label htmlFor={id} lang={language}>{LANGUAGE_NAMES[language]}</label>
      <input id={id} data-path={pathKey(path)} value={value} aria-label={`${label} (${LANGUAGE_NAMES[language]})`} aria-invalid={reasons.length > 0 || undefined}
        aria-describedby={reasons.length ? `${id}-reasons` : undefined} lang={language} onChange={(e) => onChange(e.target.value)} />
      {reasons.length > 0 && <small id={`${id}-reasons`} className="error">{reasons.join(' ')}</small>}
    </div>
  );
}

/** The input of a text written once for every language, while it is. */
function EveryLanguage({ path, label, value }: { path: Path; label: string; value: string }) {
  const form = useProgramForm();
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="field every-language">
      <label htmlFor={id}>{t('programForm.everyLanguage')}</label>
      <input id={id} data-path={pathKey(path)} value={value} aria-label={`${label} (${t('programForm.everyLanguage')})`} onChange={(e) => form.set(path, e.target.value === '' ? undefined : e.target.value)} />
    </div>
  );
}

/** What the server said of the text as a whole (required, no language given), under its legend. */
function WholeReasons({ path, missing }: { path: Path; missing: boolean }) {
  const form = useProgramForm();
  const { t } = useI18n();
  const reasons = form.problems(path);
  if (!reasons.length && !missing) return null;
  return <small className={reasons.length ? 'error' : 'hint'}>{reasons.length ? reasons.join(' ') : t('programForm.nameRequired')}</small>;
}

export function Localized({ path, label, required = false }: { path: Path; label: string; required?: boolean }) {
  const form = useProgramForm();
  const value = getAt(form.document, path);
  const missing = required && value === undefined;
  return (
    <fieldset className={`field localized${missing ? ' missing' : ''}`} data-path={pathKey(path)}>
      <legend>{label}</legend>
      <WholeReasons path={path} missing={missing} />
      {typeof value === 'string' && <EveryLanguage path={path} label={label} value={value} />}
      <div className="languages">
        {LANGUAGES.map((language) => (
          <LanguageInput key={language} path={[...path, language]} language={language} label={label}
            value={isObject(value) ? shown(value[language]) : ''}
            onChange={(text) => form.set(path, withLanguage(value, language, text))} />
        ))}
      </div>
    </fieldset>
  );
}

/**
 * Numbers that take a plural form in `language`, to name the form by ("1, 21, 31"): whole
 * numbers, or fractions for a form only they take (Russian "other": 1,5 зерна).
 */
export function formSamples(i18n: I18n, language: string, category: string): string {
  const rules = pluralRules(language);
  const whole = Array.from({ length: 1001 }, (_, n) => n).filter((n) => rules.select(n) === category).slice(0, 3);
  const numbers = whole.length ? whole : [0.5, 1.5, 2.5].filter((n) => rules.select(n) === category);
  return i18n.list(numbers.map(i18n.number), 'any');
}

/**
 * What the points are called, per language: a text, or its forms with numbers by the
 * language's plural categories ("1 zrno, 2 zrni, 3 zrna, 5 zrn"). A name given by its forms
 * keeps them all; ticking "forms with numbers" turns a text into its "other" form, and back.
 */
export function PointsName({ path, label }: { path: Path; label: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const form = useProgramForm();
  const value = getAt(form.document, path);
  // Forms asked for before any is typed: nothing to write to the document yet.
  const [wanted, setWanted] = useState<Partial<Record<Language, boolean>>>({});
  const entryOf = (language: Language) => (isObject(value) ? value[language] : undefined);
  const put = (language: Language, entry: unknown) => form.set(path, withLanguage(value, language, entry));
  return (
    <fieldset className="field localized points-name" data-path={pathKey(path)}>
      <legend>{label}</legend>
      <WholeReasons path={path} missing={false} />
      {typeof value === 'string' && <EveryLanguage path={path} label={label} value={value} />}
      <div className="languages">
        {LANGUAGES.map((language) => {
          const entry = entryOf(language);
          const byForms = isObject(entry) || (entry === undefined && wanted[language] === true);
          const toggle = (on: boolean) => {
            setWanted((w) => ({ ...w, [language]: on }));
            if (on && typeof entry === 'string') put(language, { other: entry });
            if (!on && isObject(entry)) put(language, shown(entry.other ?? Object.values(entry).find((v) => typeof v === 'string')));
          };
          return (
            <div key={language} className="points-language">
              {byForms ? (
                <PluralInputs path={[...path, language]} language={language} label={label} forms={isObject(entry) ? entry : {}} onChange={(forms) => put(language, forms)} />
              ) : (
                <LanguageInput path={[...path, language]} language={language} label={label} value={shown(entry)} onChange={(text) => put(language, text)} />
              )}
              <label className="inline small">
                <input type="checkbox" checked={byForms} onChange={(e) => toggle(e.target.checked)} />
                {t('programForm.pluralForms', { language: LANGUAGE_NAMES[language] })}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** A language's forms of the points' name: one input per category the language's numbers use, and any other the document gives (for the server to refuse). */
function PluralInputs({ path, language, label, forms, onChange }: { path: Path; language: Language; label: string; forms: Record<string, unknown>; onChange: (forms: Record<string, unknown>) => void }) {
  const i18n = useI18n();
  const form = useProgramForm();
  const used: readonly string[] = pluralRules(language).resolvedOptions().pluralCategories;
  const categories = [...PLURAL_CATEGORIES.filter((c) => used.includes(c)), ...Object.keys(forms).filter((c) => !used.includes(c))];
  return (
    <fieldset className="plural" data-path={pathKey(path)} lang={language}>
      <legend>{LANGUAGE_NAMES[language]}</legend>
      {categories.map((category) => {
        const reasons = form.problems([...path, category]);
        const id = `${pathKey(path)}-${category}`;
        const name = i18n.t('programForm.pluralForm', { numbers: (PLURAL_CATEGORIES as readonly string[]).includes(category) ? formSamples(i18n, language, category) : category });
        return (
          <div key={category} className={`field${reasons.length ? ' refused' : ''}`}>
            <label htmlFor={id}>{name}</label>
            <input id={id} data-path={pathKey([...path, category])} value={shown(forms[category])} lang={language}
              aria-label={`${label} (${LANGUAGE_NAMES[language]}): ${name}`} aria-invalid={reasons.length > 0 || undefined}
              onChange={(e) => onChange(setAt(forms, [category], e.target.value.trim() === '' ? undefined : e.target.value))} />
            {reasons.length > 0 && <small className="error">{reasons.join(' ')}</small>}
          </div>
        );
      })}
    </fieldset>
  );
}
