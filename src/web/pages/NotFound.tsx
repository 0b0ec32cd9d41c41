import { useI18n } from '../i18n/index.ts';
import { navigate } from '../router.ts';

/** An address that names no page of the dashboard (a mistyped or an old link): say so, rather than show another page. */
export function NotFound() {
  const { t } = useI18n();
  return (
    <section data-testid="not-found">
      <h1>{t('notFound.title')}</h1>
      <div className="card empty-state">
        <p>{t('notFound.text', { address: window.location.pathname })}</p>
        <a href="/" onClick={(e) => { e.preventDefault(); navigate('/'); }}>
          {t('notFound.home')}
        </a>
      </div>
    </section>
  );
}
