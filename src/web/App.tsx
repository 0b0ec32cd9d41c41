import { useEffect, useMemo, useState } from 'react';
import { ScopesContext } from './access.ts';
import { api, onSessionEnded, setApiLanguage, setCsrfToken, type Status, type User, type UserSession } from './api.ts';
import { BusinessContext, type Business } from './business.ts';
import { createI18n, I18nContext, LANGUAGE_NAMES, LANGUAGES, type Language } from './i18n/index.ts';
import { Analytics, TABS as ANALYTICS_TABS } from './pages/Analytics.tsx';
import { CustomerProfile } from './pages/CustomerProfile.tsx';
import { Customers } from './pages/Customers.tsx';
import { Import } from './pages/Import.tsx';
import { Login } from './pages/Login.tsx';
import { Loyalty, TABS as LOYALTY_TABS } from './pages/Loyalty.tsx';
import { NotFound } from './pages/NotFound.tsx';
import { Overview } from './pages/Overview.tsx';
import { Settings, TABS as SETTINGS_TABS } from './pages/settings/Settings.tsx';
import { navigate, usePath } from './router.ts';

const isLanguage = (code: string | null | undefined): code is Language => (LANGUAGES as readonly string[]).includes(code ?? '');

/** The language picked in this browser before; else the first of the browser's own languages the dashboard speaks ("sl-SI" → sl); else English. */
const storedLanguage = (): Language => {
  const saved = localStorage.getItem('regulars.language');
  if (isLanguage(saved)) return saved;
  return navigator.languages.map((tag) => tag.split('-')[0].toLowerCase()).find(isLanguage) ?? 'en';
};

export function App() {
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [scopes, setScopes] = useState<readonly string[]>([]);
  // Set when a call found the session gone: the login page says so, and the address (the page the user was on) is kept to return to.
  const [sessionEnded, setSessionEnded] = useState(false);
  // The business's currency and time zone (GET /status), asked once logged in: the pages wait for them, as their dates are the business's.
  const [business, setBusiness] = useState<Business>();
  const [businessError, setBusinessError] = useState<string>();
  // On a phone the navigation folds into a top bar with a menu button (styles/layout.css): open until a page is picked.
  const [menuOpen, setMenuOpen] = useState(false);
  const path = usePath();
  // Set while rendering, not in an effect: a page's own effects (its first calls) run before App's.
  setApiLanguage(language);
  const timeZone = business?.timeZone;
  const i18n = useMemo(
    () =>
      createI18n(
        language,
        (l) => {
          localStorage.setItem('regulars.language', l);
          setLanguageState(l);
        },
        timeZone,
      ),
    [language, timeZone],
  );

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  useEffect(() => setMenuOpen(false), [path]);

  const loggedInAs = user?.id;
  useEffect(() => {
    if (!loggedInAs) return;
    setBusinessError(undefined);
    api<Status>('/status').then(
      (s) => setBusiness({ currency: s.currency, timeZone: s.time_zone }),
      (e: Error) => setBusinessError(e.message),
    );
  }, [loggedInAs]);

  useEffect(() => {
    api<UserSession>('/auth/session').then(loggedIn, () => setUser(null));
    onSessionEnded(() => {
      setCsrfToken(undefined);
      setUser((was) => {
        if (was) setSessionEnded(true);
        return null;
      });
    });
  }, []);

  const loggedIn = (session: UserSession) => {
    setCsrfToken(session.csrf_token);
    setScopes(session.scopes);
    setSessionEnded(false);
    setUser(session.user);
  };

  const logout = async () => {
    await api('/auth/logout', { method: 'POST' }).catch(() => undefined);
    setCsrfToken(undefined);
    setScopes([]);
    setUser(null);
    navigate('/');
  };

  const page = () => {
    // A trailing slash names the same page; any other address is none of the dashboard's.
    const route = path.split('?')[0].replace(/(.)\/+$/, '$1');
    const profile = /^\/customers\/([0-9a-f-]{36})$/.exec(route);
    if (profile) return <CustomerProfile id={profile[1]} />;
    if (route === '/') return <Overview />;
    if (route === '/customers') return <Customers />;
    if (route === '/import') return <Import />;
    if (LOYALTY_TABS.some(([href]) => href === route)) return <Loyalty route={route} />;
    if (ANALYTICS_TABS.some(([href]) => href === route)) return <Analytics route={route} />;
    if (SETTINGS_TABS.some(([href]) => href === route)) return <Settings route={route} />;
    return <NotFound />;
  };

  const languageSwitch = (
    <label className="language">
      <span>{i18n.t('nav.language')}</span>
      <select aria-label={i18n.t('nav.dashboardLanguage')} data-testid="language" value={language} onChange={(e) => i18n.setLanguage(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <I18nContext.Provider value={i18n}>
      {user === undefined ? (
        <p className="loading">{i18n.t('common.loading')}</p>
      ) : user === null ? (
        <Login onLogin={loggedIn} sessionEnded={sessionEnded} languageSwitch={languageSwitch} />
      ) : (
        <ScopesContext.Provider value={scopes}>
        <div className="shell">
          <aside className={menuOpen ? 'sidebar open' : 'sidebar'}>
            <div className="brand">
              <span className="logo">R</span>
              <div>
                <strong>{i18n.t('app.name')}</strong>
                <small>{i18n.t('app.tagline')}</small>
              </div>
            </div>
            <button className="menu-toggle" aria-expanded={menuOpen} aria-controls="main-menu" data-testid="menu-toggle" onClick={() => setMenuOpen(!menuOpen)}>
              {i18n.t('nav.menu')}
            </button>
            <nav id="main-menu">
              {([['/', 'nav.overview'], ['/customers', 'nav.customers'], ['/loyalty', 'nav.loyalty'], ['/analytics', 'nav.analytics'], ['/import', 'nav.import'], ...(scopes.includes('admin') ? [['/settings', 'nav.settings']] as const : [])] as const).map(([href, key]) => (
                <a
                  key={href}
                  href={href}
                  className={(href === '/' ? path === '/' : path.startsWith(href)) ? 'active' : ''}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(href);
                  }}
                >
                  {i18n.t(key)}
                </a>
              ))}
            </nav>
            <div className="sidebar-foot">
              {languageSwitch}
              <div className="user">{user.email}</div>
              <button className="link" onClick={logout}>
                {i18n.t('nav.logout')}
              </button>
            </div>
          </aside>
          <main className="content">
            {business ? (
              <BusinessContext.Provider value={business}>{page()}</BusinessContext.Provider>
            ) : businessError ? (
              <p className="error" role="alert">{i18n.t('common.error', { message: businessError })}</p>
            ) : (
              <p className="loading">{i18n.t('common.loading')}</p>
            )}
          </main>
        </div>
        </ScopesContext.Provider>
      )}
    </I18nContext.Provider>
  );
}
