import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FieldProblem } from './api.ts';
import { DateRangeFields } from './DateRange.tsx';
import { createI18n, I18nContext, type Language } from './i18n/index.ts';

/** What the From and To fields show of `problems` for the days typed, in `language`: each field's label and the problems under it. */
function shown(from: string, to: string, problems: FieldProblem[], language: Language = 'en', fields: [string, string] = ['from', 'to']) {
  const props = { from, to, onFrom: () => undefined, onTo: () => undefined, fields, testId: 'range', problems };
  const html = renderToStaticMarkup(createElement(I18nContext.Provider, { value: createI18n(language, () => undefined) }, createElement(DateRangeFields, props)));
  return [...html.matchAll(/<label[^>]*>(.*?)<\/label>/g)].map(([, inside]) => ({
    label: inside.replace(/<.*/, ''),
    problems: [...inside.matchAll(/<span[^>]*class="field-problem"[^>]*>(.*?)<\/span>/g)].map(([, reason]) => reason),
  }));
}

describe('the From and To date fields', () => {
  it('show what the server said of each date under it, the date refused marked, each day as the language writes it', () => {
    expect(shown('2026-02-28', '', [{ field: 'from', reason: 'must not be in the future' }])).toEqual([
      { label: 'From', problems: ['must not be in the future'] },
      { label: 'To', problems: [] },
    ]);
    const html = renderToStaticMarkup(createElement(DateRangeFields, { from: '2026-03-01', to: '2026-03-31', onFrom: () => undefined, onTo: () => undefined, fields: ['since', 'until'], testId: 'activity', problems: [] }));
    expect(html).toContain('data-testid="activity-from" placeholder="dd/mm/yyyy" autoComplete="off" value="01/03/2026"');
    expect(html).toContain('data-testid="activity-to" placeholder="dd/mm/yyyy" autoComplete="off" value="31/03/2026"');
    const props = { from: '2026-03-01', to: '2026-03-31', onFrom: () => undefined, onTo: () => undefined, fields: ['since', 'until'] as const, testId: 'activity', problems: [{ field: 'until', reason: 'x' }] };
    const slovenian = renderToStaticMarkup(createElement(I18nContext.Provider, { value: createI18n('sl', () => undefined) }, createElement(DateRangeFields, props)));
    expect(slovenian).toContain('data-testid="activity-from" placeholder="d. m. llll" autoComplete="off" value="1. 3. 2026"');
    expect(slovenian).toContain('data-testid="activity-to" placeholder="d. m. llll" autoComplete="off" aria-invalid="true" value="31. 3. 2026"');
  });

  it('tell a day they cannot read in their own words, typed or given (a report\'s address), in place of the server\'s words for it', () => {
    // "?from=garbage&to=2026-13-45": the To showed the server's refusal, the From nothing (its field tells only once left).
    const [from, to] = shown('garbage', '2026-13-45', [{ field: 'from', reason: 'must be a date' }, { field: 'to', reason: 'is not a calendar date' }], 'sl');
    expect(from.problems).toHaveLength(1);
    expect(from.problems[0]).toMatch(/^To ni datum: vpišite ga kot \d{1,2}\. \d{1,2}\. \d{4}\.$/);
    expect(to.problems).toEqual(from.problems);
    expect(shown('2026-02-30', '', [{ field: 'from', reason: 'is not a calendar date' }])[0].problems).toEqual([expect.stringMatching(/^Not a date: write it as \d\d\/\d\d\/\d{4}\.$/)]);
  });

  it('tell a To before the From at the To, naming the From by its label, in place of the server\'s words for it', () => {
    // The loyalty report's refusal (`to`: the API's name for the other date) and the activity log's (on `since`).
    expect(shown('2026-04-01', '2026-03-31', [{ field: 'to', reason: 'must not be before `from`' }])).toEqual([
      { label: 'From', problems: [] },
      { label: 'To', problems: ['must not be before the “From” date'] },
    ]);
    expect(shown('2026-04-01', '2026-03-31', [{ field: 'since', reason: 'mora biti pred `until`' }], 'sl', ['since', 'until'])).toEqual([
      { label: 'Od', problems: [] },
      { label: 'Do', problems: ['ne sme biti pred datumom »Od«'] },
    ]);
    // Typed before anything was asked.
    expect(shown('2026-04-01', '2026-03-31', [], 'ru')[1].problems).toEqual(['не может быть раньше даты «С»']);
    // One day is a period.
    expect(shown('2026-04-01', '2026-04-01', [])[1].problems).toEqual([]);
  });
});
