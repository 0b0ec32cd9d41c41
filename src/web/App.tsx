import { useEffect, useMemo, useState } from 'react';
import { api, setApiLanguage, setCsrfToken, type User } from './api.ts';
import { createI18n, I18nContext, LANGUAGE_NAMES, LANGUAGES, type Language } from './i18n/index.ts';
import { Analytics } from './pages/Analytics.tsx';
import { CustomerProfile } from './pages/CustomerProfile.tsx';
import { Customers } from './pages/Customers.tsx';
import { Import } from './pages/Import.tsx';
import { Login } from './pages/Login.tsx';
import { Loyalty } from './pages/Loyalty.tsx';
import { Overview } from './pages/Overview.tsx';
import { navigate, usePath } from './router.ts';

const storedLanguage = (): Language => {
  const saved = localStorage.getItem('regulars.language');
  return (LANGUAGES as readonly string[]).includes(saved ?? '') ? (saved as Language) : 'en';
};

export function App() {
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const path = usePath();
  // Set while rendering, not in an effect: a page's own effects (its first calls) run before App's.
  setApiLanguage(language);
  const i18n = useMemo(
    () =>
      createI18n(language, (l) => {
        localStorage.setItem('regulars.language', l);
        setLanguageState(l);
      }),
    [language],
  );

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  useEffect(() => {
    api<{ user: User; csrf_token: string }>('/auth/session')
      .then((s) => {
        setCsrfToken(s.csrf_token);
        setUser(s.user);
      })
      .catch(() => setUser(null));
  }, []);

  const logout = async () => {
    await api('/auth/logout', { method: 'POST' }).catch(() => undefined);
    setCsrfToken(undefined);
    setUser(null);
    navigate('/');
  };

  const page = () => {
    const route = path.split('?')[0];
    const profile = /^\/customers\/([0-9a-f-]{36})$/.exec(route);
    if (profile) return <CustomerProfile id={profile[1]} />;
    if (route.startsWith('/customers')) return <Customers />;
    if (route.startsWith('/import')) return <Import />;
    if (route.startsWith('/loyalty')) return <Loyalty route={route} />;
    if (route.startsWith('/analytics')) return <Analytics route={route} canRunScores={user?.role === 'owner'} />;
    return <Overview />;
  };

  const languageSwitch = (
    <label className="language">
      <span>{i18n.t('nav.language')}</span>
      <select aria-label={i18n.t('nav.language')} data-testid="language" value={language} onChange={(e) => i18n.setLanguage(e.target.value as Language)}>
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
        <Login onLogin={(u, csrf) => { setCsrfToken(csrf); setUser(u); }} languageSwitch={languageSwitch} />
      ) : (
        <div className="shell">
          <aside className="sidebar">
            <div className="brand">
              <span className="logo">R</span>
              <div>
                <strong>{i18n.t('app.name')}</strong>
                <small>{i18n.t('app.tagline')}</small>
              </div>
            </div>
            <nav>
              {([['/', 'nav.overview'], ['/customers', 'nav.customers'], ['/loyalty', 'nav.loyalty'], ['/analytics', 'nav.analytics'], ['/import', 'nav.import']] as const).map(([href, key]) => (
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
          <main className="content">{page()}</main>
        </div>
      )}
    </I18nContext.Provider>
  );
}
