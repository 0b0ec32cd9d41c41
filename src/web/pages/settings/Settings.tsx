import { useCan } from '../../access.ts';
import { useI18n } from '../../i18n/index.ts';
import { Tabs } from '../../Tabs.tsx';
import { Activity } from './Activity.tsx';
import { ApiKeys } from './ApiKeys.tsx';
import { StaffUsers } from './StaffUsers.tsx';
import { Stores } from './Stores.tsx';
import { Webhooks } from './Webhooks.tsx';

// What a business sets up once and looks after now and then: who logs in, which programs
// may call the API, its stores and the systems told of events — and what was done, the
// activity log. Every write here, and reading the log, needs the admin scope (an owner):
// anyone else opening the address is told so, not shown forms the API would refuse. Each
// tab has its own address.
export const TABS = [
  ['/settings', 'settings.tab.users'],
  ['/settings/keys', 'settings.tab.keys'],
  ['/settings/stores', 'settings.tab.stores'],
  ['/settings/webhooks', 'settings.tab.webhooks'],
  ['/settings/activity', 'settings.tab.activity'],
] as const;

export function Settings({ route }: { route: string }) {
  const { t } = useI18n();
  const mayAdminister = useCan()('admin');
  const tab = TABS.find(([href]) => href === route)?.[0] ?? '/settings';
  return (
    <section className="settings" data-testid="settings">
      <h1>{t('settings.title')}</h1>
      {!mayAdminister ? (
        <p className="card notice" data-testid="settings-admin-only">
          {t('settings.adminOnly')}
        </p>
      ) : (
        <>
          <Tabs tabs={TABS} active={tab} />
          {tab === '/settings/keys' ? <ApiKeys /> : tab === '/settings/stores' ? <Stores /> : tab === '/settings/webhooks' ? <Webhooks /> : tab === '/settings/activity' ? <Activity /> : <StaffUsers />}
        </>
      )}
    </section>
  );
}
