import { useState, type FormEvent, type ReactNode } from 'react';
import { api, type UserSession } from '../api.ts';
import { useI18n } from '../i18n/index.ts';

export function Login({ onLogin, sessionEnded = false, languageSwitch }: { onLogin: (session: UserSession) => void; sessionEnded?: boolean; languageSwitch: ReactNode }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Said here rather than by the browser's bubble, which speaks the browser's language and not the dashboard's.
    if (!email.trim() || !password) {
      setError(t('login.missing'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      onLogin(await api<UserSession>('/auth/login', { method: 'POST', body: { email, password } }));
    } catch {
      setError(t('login.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <form className="card login" onSubmit={submit} noValidate>
        <div className="brand">
          <span className="logo">R</span>
          <div>
            <strong>{t('app.name')}</strong>
            <small>{t('app.tagline')}</small>
          </div>
        </div>
        <h1>{t('login.title')}</h1>
        {sessionEnded && <p className="notice" role="status" data-testid="session-ended">{t('login.sessionEnded')}</p>}
        <label>
          {t('login.email')}
          <input type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
        </label>
        <label>
          {t('login.password')}
          <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={busy}>
          {t('login.submit')}
        </button>
        {languageSwitch}
      </form>
    </div>
  );
}
