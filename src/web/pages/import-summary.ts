import type { ImportProgress, ImportResult } from '../api.ts';
import { counted, type COUNTED } from '../i18n/counted.ts';
import type { I18n } from '../i18n/index.ts';

// What an import or a check did, in one sentence whose every count agrees with its words
// (counted-import.ts): "Uvožene 4 vrstice: 2 novi …", never "Uvoženih 4 vrstic: 2 novih".
// A line-item file's created and already-there count orders, its skipped count rows.

/**
 * The sentence for an import's or a check's answer; `skipInvalid` as the form sent it. A
 * points file's adds what its new rows add and take away, each number with the program's
 * name for its points in the form the number takes ("1.750 zrn", "2 zrni").
 */
export function importSummary(i18n: I18n, result: ImportResult, skipInvalid: boolean): string {
  const sentence = summarySentence(i18n, result, skipInvalid);
  const points = result.points;
  if (!points || (!result.imported && !result.dry_run) || (result.dry_run && result.invalid > 0 && !skipInvalid)) return sentence;
  const rules = new Intl.PluralRules(points.points_name_language);
  const named = (n: number) => `${i18n.number(n)} ${points.points_name_forms[rules.select(n)] ?? points.points_name_forms.other}`;
  return `${sentence} ${i18n.t(result.dry_run ? 'import.pointsForecast' : 'import.pointsDone', { credited: named(points.credited), debited: named(points.debited), members: i18n.number(points.members) })}`;
}

function summarySentence(i18n: I18n, result: ImportResult, skipInvalid: boolean): string {
  const { t } = i18n;
  const n = (key: keyof typeof COUNTED, count: number) => counted(i18n, key, count);
  const orders = result.orders;
  if (result.dry_run) {
    const checked = n('importChecked', result.rows);
    if (result.invalid > 0 && !skipInvalid) return t('import.checkedRejected', { checked, errors: n('importErrors', result.invalid) });
    if (orders !== undefined) {
      return t('import.checkedOrders', {
        checked, orders: n('importOrders', orders), created: n('importNewOrders', result.created), duplicates: n('importThereOrders', result.duplicates), skipped: n('importSkippedRows', result.invalid),
      });
    }
    return t('import.checked', { checked, created: n('importNew', result.created), duplicates: n('importThere', result.duplicates), invalid: n('importSkipped', result.invalid) });
  }
  if (!result.imported) return t('import.rejected', { errors: n('importErrors', result.invalid), rows: n('importRows', result.rows) });
  // The same file again: every row (a line-item file's every order) was there already, none skipped, left out or
  // recording a refund — said as nothing new, not as "Imported 3 rows: 0 new, 3 already there, 0 skipped".
  const nothingNew = result.created === 0 && result.invalid === 0 && !result.refunds_recorded && result.duplicates > 0 && result.duplicates === (orders ?? result.rows);
  if (nothingNew) return orders !== undefined ? n('importNothingNewOrders', result.duplicates) : n('importNothingNew', result.duplicates);
  if (orders !== undefined) {
    return t('import.doneOrders', {
      imported: n('importImportedLines', result.rows), orders: n('importOrders', orders), created: n('importNewOrders', result.created), duplicates: n('importWasThereOrders', result.duplicates), skipped: n('importSkippedRows', result.invalid),
    });
  }
  return t('import.done', { imported: n('importImported', result.rows), created: n('importNew', result.created), duplicates: n('importWasThere', result.duplicates), invalid: n('importSkipped', result.invalid) });
}

/** How far the server has got with a file: "Checking the file: 5 rows". */
export const importPhase = (i18n: I18n, progress: ImportProgress): string =>
  i18n.t(progress.phase === 'validate' ? 'import.phase.validate' : 'import.phase.import', { rows: counted(i18n, 'importRows', progress.rows) });
