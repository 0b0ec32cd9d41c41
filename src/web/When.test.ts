import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createI18n, I18nContext, type Language } from './i18n/index.ts';
import { Expiry } from './When.tsx';

const LJ = 'Europe/Ljubljana';

/** What <Expiry at={at} /> shows in `language`, for a business in `timeZone`: its text, and its markup. */
function expiry(at: string | null, language: Language = 'en', timeZone = LJ) {
  const html = renderToStaticMarkup(createElement(I18nContext.Provider, { value: createI18n(language, () => undefined, timeZone) }, createElement(Expiry, { at })));
  return { html, text: html.replace(/<[^>]+>/g, '').replace(/&#x27;/g, "'") };
}

describe('an expiry as the dashboard shows it', () => {
  it('says the last day it works for an expiry at a day\'s start in the business\'s zone, the date kept whole', () => {
    // A gift card or coupon entered as expiring 31 Dec is kept as 1 Jan 00:00 in Ljubljana.
    expect(expiry('2026-12-31T23:00:00.000Z').text).toBe('Valid through 31\u00a0Dec\u00a02026');
    expect(expiry('2026-12-31T23:00:00.000Z').html).toBe('Valid through <span class="date">31\u00a0Dec\u00a02026</span>');
    // Summer time: midnight in Ljubljana is 22:00 UTC.
    expect(expiry('2026-07-01T22:00:00.000Z').text).toBe('Valid through 1\u00a0Jul\u00a02026');
    expect(expiry('2026-12-31T23:00:00.000Z', 'ru').html).toBe('Действует по <span class="date">31\u00a0дек.\u00a02026\u00a0г.</span> включительно');
    expect(expiry('2026-12-31T23:00:00.000Z', 'sl').text).toBe('Velja do vključno 31.\u00a0dec.\u00a02026');
    expect(expiry('2026-12-31T23:00:00.000Z', 'tr').text).toBe('31\u00a0Ara\u00a02026 dahil geçerli');
    expect(expiry('2026-12-31T23:00:00.000Z', 'da').text).toBe('Gælder til og med 31.\u00a0dec.\u00a02026');
  });

  it('says its date and time in the business\'s zone for an expiry at another time, and the zone\'s midnight is not another\'s', () => {
    // A reward's coupon lasts 30 days from the minute it was redeemed: 12:00 UTC is 14:00 in Ljubljana in summer.
    expect(expiry('2026-07-01T12:00:00.000Z').text).toBe('1\u00a0Jul\u00a02026, 14:00');
    // The comma stays with the date: a narrow card breaks after it, never before ("14 февр. 2027 г." over ", 11:39").
    expect(expiry('2026-07-01T12:00:00.000Z').html).toBe('<span class="nowrap"><span class="date">1\u00a0Jul\u00a02026</span>,</span> <span class="date">14:00</span>');
    expect(expiry('2027-02-14T10:39:00.000Z', 'ru').html).toBe('<span class="nowrap"><span class="date">14\u00a0февр.\u00a02027\u00a0г.</span>,</span> <span class="date">11:39</span>');
    // Ljubljana's midnight is 15:00 the day before in Los Angeles: there it is a time like any other.
    expect(expiry('2026-12-31T23:00:00.000Z', 'en', 'America/Los_Angeles').text).toBe('31\u00a0Dec\u00a02026, 15:00');
    expect(expiry('2027-01-01T08:00:00.000Z', 'en', 'America/Los_Angeles').text).toBe('Valid through 31\u00a0Dec\u00a02026');
  });

  it('shows none as a dash', () => {
    expect(expiry(null).text).toBe('—');
  });
});
