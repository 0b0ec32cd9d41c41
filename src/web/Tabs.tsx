import { useI18n, type MessageKey } from './i18n/index.ts';
import { navigate } from './router.ts';

/** A page's tabs, each with an address of its own (links that navigate without a reload). */
export function Tabs({ tabs, active }: { tabs: readonly (readonly [href: string, label: MessageKey])[]; active: string }) {
  const { t } = useI18n();
  return (
    <nav className="tabs" role="tablist">
      {tabs.map(([href, key]) => (
        <a
          key={href}
          href={href}
          role="tab"
          aria-selected={active === href}
          className={active === href ? 'active' : ''}
          onClick={(e) => {
            e.preventDefault();
            navigate(href);
          }}
        >
          {t(key)}
        </a>
      ))}
    </nav>
  );
}
