import type { ReactNode } from 'react';
import type { Kpi } from './api.ts';
import { counted } from './i18n/counted.ts';
import { useI18n, type I18n } from './i18n/index.ts';
import { navigate } from './router.ts';

// Figure cards the pages share: the analytics KPI (a value, its trend against the period
// before and its sample size), a plain figure, and the bar that splits revenue into
// repeat customers' and the others'. A card with an address opens the page with the
// details when clicked; the keyboard's way there is the section's MoreLink. The card is
// no link itself: its whole text ("Customers who bought … n = 4 customers") would be the
// link's name, and the menu's "Customers" would no longer be the one link of that name.

function Card({ href, testId, className, children }: { href?: string; testId: string; className: string; children: ReactNode }) {
  return (
    <div className={href ? `${className} card-link` : className} data-testid={testId} onClick={href ? () => navigate(href) : undefined}>
      {children}
    </div>
  );
}

/** A link to the page with a section's details, navigating without a reload. */
export function MoreLink({ href, children, testId }: { href: string; children: ReactNode; testId?: string }) {
  return (
    <a
      className="more-link"
      href={href}
      data-testid={testId}
      onClick={(e) => {
        e.preventDefault();
        e.stopPropagation();
        navigate(href);
      }}
    >
      {children} →
    </a>
  );
}

function formatValue(i18n: I18n, kpi: Kpi, value: Kpi['value'], currency: string): string {
  if (value === null) return '—';
  if (typeof value === 'string') return i18n.money(value, currency);
  return kpi.change_kind === 'difference' ? i18n.percent(value) : i18n.number(value);
}

function formatChange(i18n: I18n, kpi: Kpi): string {
  if (kpi.change === null) return i18n.t('analytics.kpi.noChange');
  const sign = kpi.change > 0 ? '+' : '';
  if (kpi.change_kind === 'relative') return `${sign}${i18n.percent(kpi.change)}`;
  return i18n.t('analytics.kpi.points', { value: `${sign}${i18n.number(Math.round(kpi.change * 1000) / 10)}` });
}

/** One KPI of GET /analytics/overview: its value, the change against the period before, the sample. */
export function KpiCard({ name, label, kpi, currency, testId = `analytics-kpi-${name}`, href }: {
  name: string;
  label: string;
  kpi: Kpi;
  currency: string;
  testId?: string;
  href?: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const trend = kpi.change === null ? 'none' : kpi.change > 0 ? 'up' : kpi.change < 0 ? 'down' : 'flat';
  const arrow = { up: '▲', down: '▼', flat: '▶', none: '' }[trend];
  const sample = (n: number) => counted(i18n, kpi.sample_of === 'customers' ? 'sampleCustomers' : 'samplePurchases', n);
  return (
    <Card className="card kpi" testId={testId} href={href}>
      <span>{label}</span>
      <strong>{formatValue(i18n, kpi, kpi.value, currency)}</strong>
      <span className={`trend ${trend}`} data-testid={testId.replace('kpi', 'trend')}>
        {arrow && <span aria-hidden="true">{arrow} </span>}
        {formatChange(i18n, kpi)}
      </span>
      <small className="sample">{sample(kpi.sample)}</small>
      <small>{t('analytics.kpi.previous', { value: formatValue(i18n, kpi, kpi.previous, currency), n: i18n.number(kpi.previous_sample) })}</small>
    </Card>
  );
}

/** A figure already formatted, with what it is and, below it, how it was worked out. */
export function FigureCard({ label, value, testId, href, children }: { label: string; value: string; testId: string; href?: string; children?: ReactNode }) {
  return (
    <Card className="card kpi" testId={testId} href={href}>
      <span>{label}</span>
      <strong>{value}</strong>
      {children}
    </Card>
  );
}

/**
 * Net revenue split between repeat customers and the others, as two lengths of one bar
 * with their shares. Refunds can make a group's net revenue negative: its length is then
 * nothing, and its share still says the figure.
 */
export function RepeatShareBar({ repeat, other, testId = 'repeat-share-bar' }: { repeat: number | null; other: number | null; testId?: string }) {
  const { t, percent } = useI18n();
  const width = (share: number | null) => `${Math.max(0, Math.min(1, share ?? 0)) * 100}%`;
  return (
    <div className="share-bar" data-testid={testId} role="img" aria-label={`${t('analytics.revenue.repeat')} ${percent(repeat)}, ${t('analytics.revenue.other')} ${percent(other)}`}>
      <span className="share-bar-part repeat" style={{ width: width(repeat) }} />
      <span className="share-bar-part other" style={{ width: width(other) }} />
    </div>
  );
}
