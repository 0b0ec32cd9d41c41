import { useI18n } from '../i18n/index.ts';
import { Tabs } from '../Tabs.tsx';
import { AliveView } from './analytics/Alive.tsx';
import { ClvView } from './analytics/Clv.tsx';
import { CohortsView } from './analytics/Cohorts.tsx';
import { HoldoutView } from './analytics/Holdout.tsx';
import { OverviewView } from './analytics/Overview.tsx';
import { RevenueView } from './analytics/Revenue.tsx';
import { RfmView } from './analytics/Rfm.tsx';
import { SegmentsView } from './analytics/Segments.tsx';

// Customer analytics: KPIs of two periods, repeat customers' and the tiers' revenue with
// churn and the simple CLV, the RFM grid, segment flows, the CLV
// distribution, probability alive, cohort retention and the check of the purchase model
// on a holdout period. Each tab has its own address.
export const TABS = [
  ['/analytics', 'analytics.tab.overview'],
  ['/analytics/revenue', 'analytics.tab.revenue'],
  ['/analytics/rfm', 'analytics.tab.rfm'],
  ['/analytics/segments', 'analytics.tab.segments'],
  ['/analytics/clv', 'analytics.tab.clv'],
  ['/analytics/alive', 'analytics.tab.alive'],
  ['/analytics/cohorts', 'analytics.tab.cohorts'],
  ['/analytics/holdout', 'analytics.tab.holdout'],
] as const;

export function Analytics({ route }: { route: string }) {
  const { t } = useI18n();
  const tab = TABS.find(([href]) => href === route)?.[0] ?? '/analytics';
  const view = () => {
    switch (tab) {
      case '/analytics/revenue': return <RevenueView />;
      case '/analytics/rfm': return <RfmView />;
      case '/analytics/segments': return <SegmentsView />;
      case '/analytics/clv': return <ClvView />;
      case '/analytics/alive': return <AliveView />;
      case '/analytics/cohorts': return <CohortsView />;
      case '/analytics/holdout': return <HoldoutView />;
      default: return <OverviewView />;
    }
  };
  return (
    <section className="analytics" data-testid="analytics">
      <h1>{t('analytics.title')}</h1>
      <Tabs tabs={TABS} active={tab} />
      {view()}
    </section>
  );
}
