import { useI18n } from '../i18n/index.ts';
import { Tabs } from '../Tabs.tsx';
import { ProgramEditor } from './loyalty/ProgramEditor.tsx';
import { LoyaltyReportView } from './loyalty/Report.tsx';
import { RewardsCatalogue } from './loyalty/Rewards.tsx';
import { Promotions } from './loyalty/promotions/Promotions.tsx';

// The loyalty program: its numbers, its rules (edited as a document, simulated before
// publishing), the rewards it offers, and its promotions (coupon campaigns, gift cards).
// Each tab has its own address.
export const TABS = [
  ['/loyalty', 'loyalty.tab.report'],
  ['/loyalty/program', 'loyalty.tab.program'],
  ['/loyalty/rewards', 'loyalty.tab.rewards'],
  ['/loyalty/promotions', 'loyalty.tab.promotions'],
] as const;

export function Loyalty({ route }: { route: string }) {
  const { t } = useI18n();
  const tab = TABS.find(([href]) => href === route)?.[0] ?? '/loyalty';
  return (
    <section data-testid="loyalty">
      <h1>{t('loyalty.title')}</h1>
      <Tabs tabs={TABS} active={tab} />
      {tab === '/loyalty/program' ? <ProgramEditor /> : tab === '/loyalty/rewards' ? <RewardsCatalogue /> : tab === '/loyalty/promotions' ? <Promotions /> : <LoyaltyReportView />}
    </section>
  );
}
