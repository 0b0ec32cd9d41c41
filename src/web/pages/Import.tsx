import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, apiWithProgress, ApiError, type ImportPreview, type ImportProgress, type ImportResult, type UploadProgress } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { importFieldLabel } from '../i18n/import-fields.ts';
import { importPhase, importSummary } from './import-summary.ts';

type Kind = ImportResult['kind'];
const KINDS: Kind[] = ['purchases', 'customers', 'refunds', 'points'];

export function Import() {
  const i18n = useI18n();
  const { t } = i18n;
  const [kind, setKind] = useState<Kind>('purchases');
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<ImportPreview>();
  const [map, setMap] = useState<Record<string, string>>({});
  // How the file writes dates and amounts, when not as ISO 8601 and 12.50 (guessed by the preview).
  const [dateFormat, setDateFormat] = useState('');
  const [decimalComma, setDecimalComma] = useState(false);
  const [encoding, setEncoding] = useState('utf-8');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [result, setResult] = useState<ImportResult>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<'import' | 'check'>();
  const [progress, setProgress] = useState<ImportProgress | UploadProgress>();
  // The result appears below a long mapping form: bring it into view.
  const resultCard = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A statement, not the arrow's value: newer browsers return a promise from scrollIntoView, which React would take for a clean-up function.
    void resultCard.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [result]);

  const form = (dryRun: boolean) => {
    const data = new FormData();
    data.append('map', JSON.stringify(map));
    data.append('skip_invalid', String(skipInvalid));
    data.append('dry_run', String(dryRun));
    if (dateFormat.trim()) data.append('date_format', dateFormat.trim());
    data.append('decimal_comma', String(decimalComma));
    data.append('encoding', encoding);
    data.append('file', file!);
    return data;
  };

  // Each preview asked for supersedes the ones before it: a slow preview of the previous
  // file or kind (a large file, another kind chosen meanwhile) must not land over it.
  const latestLoad = useRef(0);
  // Without an encoding the server guesses it; one chosen reads the sample again in it.
  const load = async (chosen: File | undefined, chosenKind = kind, chosenEncoding?: string) => {
    const mine = ++latestLoad.current;
    setFile(chosen);
    setPreview(undefined);
    setResult(undefined);
    setError(undefined);
    if (!chosen) return;
    const data = new FormData();
    if (chosenEncoding) data.append('encoding', chosenEncoding);
    data.append('file', chosen);
    try {
      const p = await api<ImportPreview>(`/imports/${chosenKind}/preview`, { method: 'POST', form: data });
      if (mine !== latestLoad.current) return;
      setPreview(p);
      setMap(p.suggested_map);
      setDateFormat(p.suggested_format.date_format ?? '');
      setDecimalComma(p.suggested_format.decimal_comma);
      setEncoding(p.suggested_format.encoding);
    } catch (e) {
      if (mine === latestLoad.current) setError((e as Error).message);
    }
  };

  // "Check only" sends the file as a dry run: every row checked, nothing written, and the result tells what importing would do.
  const run = async (e: FormEvent | undefined, dryRun = false) => {
    e?.preventDefault();
    if (!file || !ready) return;
    setBusy(dryRun ? 'check' : 'import');
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await apiWithProgress<ImportResult, ImportProgress>(`/imports/${kind}`, form(dryRun), setProgress));
    } catch (err) {
      // The message names the problems already when it sums them up: add only those it leaves out.
      const message = (err as Error).message;
      const more = err instanceof ApiError ? err.problems.filter((p) => !message.includes(p.reason)) : [];
      setError(more.length ? `${message} (${more.map((p) => `${importFieldLabel(i18n.language, kind, p.field)}: ${p.reason}`).join('; ')})` : message);
    } finally {
      setBusy(undefined);
      setProgress(undefined);
    }
  };

  // What the file must map before it can be checked or imported: said here, in words, before the server would refuse it.
  const label = (field: string) => importFieldLabel(i18n.language, kind, field);
  const mapped = (field: string | undefined) => Boolean(field && map[field]);
  const missing = !preview ? [] : [
    ...preview.canonical.filter((f) => f.required && !mapped(f.name) && !mapped(f.unless)).map((f) => label(f.name)),
    ...(preview.identity.length > 0 && !preview.identity.some(mapped) ? [t('import.missingOneOf', { fields: i18n.list(preview.identity.map(label), 'any') })] : []),
  ];
  const empty = preview !== undefined && preview.headers.length === 0;
  const ready = Boolean(file) && !busy && (!preview || (!empty && missing.length === 0));

  return (
    <section>
      <h1>{t('import.title')}</h1>
      <form className="card form" onSubmit={run}>
        <fieldset>
          <legend>{t('import.kind')}</legend>
          {KINDS.map((k) => (
            <label key={k} className="inline">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => { setKind(k); void load(file, k); }} />
              {t(`import.kind.${k}`)}
            </label>
          ))}
        </fieldset>
        {/* The browser's own file button speaks the browser's language ("Choose File", "No file chosen" on a Danish page):
            the input is hidden under a button and a name in the dashboard's language, and still takes the click and the keyboard. */}
        <label>
          {t('import.file')}
          <span className="file-pick">
            <span className="secondary" aria-hidden="true">{t('import.chooseFile')}</span>
            <span className="file-name" data-testid="import-file-name">{file ? file.name : t('import.noFile')}</span>
            <input type="file" accept=".csv,text/csv" data-testid="import-file" onChange={(e) => void load(e.target.files?.[0])} />
          </span>
        </label>
        {preview && (
          <>
            <h2>{t('import.mapping')}</h2>
            <p className="hint">{t('import.mapping.hint')}</p>
            <div className="mapping">
              {preview.canonical.map((field) => (
                <label key={field.name}>
                  <span>
                    {label(field.name)} <code>{field.name}</code>
                  </span>
                  {field.required && !mapped(field.unless) && <small> {t('import.required')}</small>}
                  <select value={map[field.name] ?? ''} onChange={(e) => setMap({ ...map, [field.name]: e.target.value })} aria-label={label(field.name)}>
                    <option value="">{t('import.mapping.none')}</option>
                    {preview.headers.map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
            <h2>{t('import.format')}</h2>
            <div className="mapping">
              <label>
                {t('import.dateFormat')}
                <input list="date-formats" value={dateFormat} onChange={(e) => setDateFormat(e.target.value)} placeholder="YYYY-MM-DD" data-testid="import-date-format" />
                <datalist id="date-formats">
                  {preview.date_formats.map((f) => <option key={f} value={f} />)}
                </datalist>
              </label>
              <label>
                {t('import.encoding')}
                <select value={encoding} onChange={(e) => void load(file, kind, e.target.value)} data-testid="import-encoding">
                  {[...new Set([...preview.encodings, encoding])].map((e) => <option key={e} value={e}>{e}</option>)}
                </select>
              </label>
              <label className="inline">
                <input type="checkbox" checked={decimalComma} onChange={(e) => setDecimalComma(e.target.checked)} data-testid="import-decimal-comma" />
                {t('import.decimalComma')}
              </label>
            </div>
            <p className="hint">{t('import.format.hint')}</p>
            <h2>{t('import.sample')}</h2>
            <div className="scroll">
              <table className="sample">
                <thead>
                  <tr>{preview.headers.map((h) => <th key={h}>{h}</th>)}</tr>
                </thead>
                <tbody>
                  {preview.sample.map((row, i) => (
                    <tr key={i}>{row.map((v, j) => <td key={j}>{v}</td>)}</tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        <label className="inline">
          <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />
          {t('import.skipInvalid')}
        </label>
        {empty ? (
          <p className="error" data-testid="import-missing">{t('import.fileEmpty')}</p>
        ) : missing.length > 0 && (
          <p className="error" data-testid="import-missing">{t('import.missing', { fields: i18n.list(missing) })}</p>
        )}
        <div className="toolbar">
          <button type="submit" className="primary" disabled={!ready}>
            {busy === 'import' ? t('import.running') : t('import.run')}
          </button>
          <button type="button" className="secondary" disabled={!ready} onClick={() => void run(undefined, true)} data-testid="import-check">
            {busy === 'check' ? t('import.checking') : t('import.check')}
          </button>
        </div>
        {busy && progress && (
          <p className="working" data-testid="import-progress">
            <progress max={progress.total_bytes || 1} value={progress.bytes} />
            {progress.phase === 'upload'
              ? t('import.phase.upload', { percent: i18n.percent(progress.total_bytes ? progress.bytes / progress.total_bytes : 0) })
              : importPhase(i18n, progress)}
          </p>
        )}
      </form>
      {error && <p className="error" role="alert">{t('common.error', { message: error })}</p>}
      {result && (
        <div ref={resultCard} className={`card result ${result.imported || (result.dry_run && (result.invalid === 0 || skipInvalid)) ? 'ok' : 'rejected'}`} data-testid="import-result">
          <p data-testid="import-summary">{importSummary(i18n, result, skipInvalid)}</p>
          {Boolean(result.not_paid) && <p className="hint" data-testid="import-not-paid">{t('import.notPaid', { orders: i18n.number(result.not_paid ?? 0) })}</p>}
          {Boolean(result.refunds_recorded) && !(result.dry_run && result.invalid > 0 && !skipInvalid) && (
            <p className="hint" data-testid="import-refunds-recorded">
              {result.dry_run
                ? t('import.refundsWouldRecord', { refunds: i18n.number(result.refunds_recorded ?? 0) })
                : t('import.refundsRecorded', { refunds: i18n.number(result.refunds_recorded ?? 0) })}
            </p>
          )}
          {/* Refunds that left nothing of their orders (a refunds file's, an orders export's) gave the orders' coupon uses back: those codes can be used again. */}
          {Boolean(result.coupon_uses_rolled_back) && (
            <p className="hint" data-testid="import-coupon-uses-rolled-back">{t('import.couponUsesRolledBack', { count: i18n.number(result.coupon_uses_rolled_back ?? 0) })}</p>
          )}
          {result.errors.length > 0 && (
            <>
              <h2>{t('import.errors')}</h2>
              <table data-testid="import-errors">
                <thead>
                  <tr>
                    <th>{t('import.col.line')}</th>
                    <th>{t('import.col.column')}</th>
                    <th>{t('import.col.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.errors.map((e, i) => (
                    <tr key={i}>
                      <td>{e.line}</td>
                      <td><code>{e.column}</code></td>
                      <td>{e.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </div>
      )}
    </section>
  );
}
