import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf, isLocalCli } from '../../modules/auth/index.ts';
import { CANONICAL, fileFormatOf, IMPORT_KINDS, isImportKind, previewCsv, spoolToFile, type FileFormat, type ImportKind, type ImportProgress } from '../../modules/imports/index.ts';
import type { Services } from '../../services.ts';
import { invalid, invalidField, type RaisedProblem } from '../../shared/errors.ts';
import { say, tell, told } from '../../shared/messages/index.ts';
import { withFields } from '../../shared/objects.ts';
import { nearestOf } from '../../shared/validation.ts';
import { importFile } from '../../workflows/import-file.ts';
import { answerLanguage, toldIn } from '../problem.ts';
import { replyWithProgress, wantsProgress } from '../progress.ts';
import { route } from '../route.ts';
import { ImportPreview, ImportProgressLine, ImportResult } from '../responses/imports.ts';

// CSV upload from the dashboard: multipart with `file`, and for the import `map` (JSON),
// `date_format`, `decimal_comma`, `encoding` (file-format.ts), `skip_invalid` and `dry_run`; the preview
// takes `encoding` too, to show the sample read in it. The upload is spooled to a temporary file, read twice, deleted.
// A second file is over the reader's limit (app.ts: one): it was its English 413 "reach files
// limit"; it is a 422 naming `file`, told in the request's language.
async function readUpload(req: FastifyRequest) {
  const fields: Record<string, string> = {};
  let spooled: Awaited<ReturnType<typeof spoolToFile>> | undefined;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') spooled = await spoolToFile(part.file, part.filename);
      else fields[part.fieldname] = String(part.value);
    }
  } catch (error) {
    spooled?.remove();
    if ((error as { code?: string }).code === 'FST_FILES_LIMIT') throw invalidField('file', say('upload.one_file'));
    throw error;
  }
  if (!spooled) throw invalidField('file', say('import.file_missing'));
  return { spooled, fields };
}

/**
 * The `map` field: a JSON object { canonical: column }; an empty column is none (mapping.ts):
 * the dashboard's "not mapped" of a field whose column has its name was read as not said,
 * and that column imported all the same. Strict, as every body is: a key the kind lacks
 * (`customer_emial`) or a column that is no text was dropped, and the file imported
 * without that field; each is named (`map.customer_emial`, with the field it was likely
 * meant as), nothing imported.
 */
function mapField(text: string | undefined, kind: ImportKind): Record<string, string> {
  if (!text) return {};
  let map: unknown;
  try {
    map = JSON.parse(text);
  } catch {
    map = undefined;
  }
  if (!map || typeof map !== 'object' || Array.isArray(map)) throw invalidField('map', say('import.map_not_object', { shape: '{ canonical: column }' }));
  const fields = CANONICAL[kind].map((f) => f.name);
  const unmapped = fields.filter((f) => !Object.hasOwn(map, f));
  const problems: RaisedProblem[] = [];
  for (const [key, column] of Object.entries(map)) {
    if (!fields.includes(key)) {
      const known = nearestOf(key, unmapped);
      const listed = { kind, fields: fields.join(', ') };
      problems.push({ field: `map.${key}`, reason: known ? say('upload.map_unknown_field_near', withFields(listed, { known })) : say('upload.map_unknown_field', listed) });
    } else if (typeof column !== 'string') problems.push({ field: `map.${key}`, reason: say('upload.map_not_text') });
  }
  if (problems.length) throw invalid(told((language) => say('upload.bad_map', { problems: problems.map((p) => `${p.field}: ${tell(p.reason, language)}`).join('; ') }).in(language)), problems);
  return map as Record<string, string>;
}

/** A multipart flag: "true" or "false" (absent: false). */
function booleanField(name: string, text: string | undefined): boolean {
  if (text === undefined || text === '' || text === 'false') return false;
  if (text === 'true') return true;
  throw invalidField(name, say('import.not_boolean', { text }));
}

/** The upload's text fields (`file` too: a path sent as text, without curl's @, is told the file is missing). */
const UPLOAD_FIELDS = ['map', 'date_format', 'decimal_comma', 'encoding', 'skip_invalid', 'dry_run', 'file'];

/**
 * A field the upload does not take is named, as a strict body's is: a misspelt `dry_rn=true`
 * was dropped, and the file imported for real; `skip_invalids`, all or nothing.
 */
function refuseUnknownFields(fields: Record<string, string>): void {
  const problems: RaisedProblem[] = Object.keys(fields).filter((name) => !UPLOAD_FIELDS.includes(name)).map((name) => {
    const known = nearestOf(name, UPLOAD_FIELDS.filter((f) => !Object.hasOwn(fields, f)));
    return { field: name, reason: known ? say('key.unknown_near', { key: name, known }) : say('key.unknown', { key: name }) };
  });
  if (problems.length) throw invalid(told((language) => say('upload.unknown_fields', { problems: problems.map((p) => tell(p.reason, language)).join('; ') }).in(language)), problems);
}

/** The upload's options, each checked: `map`, `date_format`, `decimal_comma`, `encoding`, `skip_invalid`, `dry_run`, and no other. */
function uploadOptions(fields: Record<string, string>, kind: ImportKind): { map: Record<string, string>; format: FileFormat; skipInvalid: boolean; dryRun: boolean } {
  refuseUnknownFields(fields);
  return {
    map: mapField(fields.map, kind),
    format: fileFormatOf({ dateFormat: fields.date_format, decimalComma: booleanField('decimal_comma', fields.decimal_comma), encoding: fields.encoding }),
    skipInvalid: booleanField('skip_invalid', fields.skip_invalid),
    dryRun: booleanField('dry_run', fields.dry_run),
  };
}

function kindOf(req: FastifyRequest): ImportKind {
  const kind = (req.params as { kind: string }).kind;
  if (!isImportKind(kind)) throw invalidField('kind', say('import.unknown_kind', { kinds: IMPORT_KINDS.join(', '), kind }));
  return kind;
}

export function importRoutes(app: FastifyInstance, s: Services, prefix: string) {
  route(app, prefix, {
    method: 'POST', path: '/imports/:kind/preview', tag: 'imports', scope: 'write', multipart: true,
    summary: "A CSV file's headers, first rows and a suggested column mapping",
    responses: { 200: { description: 'The headers, the first rows and a mapping', schema: ImportPreview }, 422: 'No file' },
    handler: async (req) => {
      const kind = kindOf(req);
      const { spooled, fields } = await readUpload(req);
      try {
        // Options given are checked here too: a mistyped date format is told before the import.
        const { format } = uploadOptions(fields, kind);
        return await previewCsv(spooled.file, kind, { encoding: fields.encoding ? format.encoding ?? 'utf-8' : undefined });
      } finally {
        spooled.remove();
      }
    },
  });

  route(app, prefix, {
    method: 'POST', path: '/imports/:kind', tag: 'imports', scope: 'write', multipart: true,
    summary: 'Import a CSV file: all or nothing (a report of every bad line) unless skip_invalid=true; dry_run=true checks the file and tells what it would import, writing nothing; date_format (e.g. "D.M.YYYY H:mm") and decimal_comma=true for files that write dates and amounts otherwise than ISO 8601 and 12.50',
    responses: {
      200: {
        description: 'The result; with `Accept: application/x-ndjson`, a line `{ progress: { phase, rows, bytes, total_bytes } }` every quarter second, then `{ result }` (or `{ error }`, problem details)',
        schema: ImportResult,
        ndjson: ImportProgressLine,
      },
      422: 'Columns do not fit',
    },
    handler: async (req, reply, principal) => {
      const kind = kindOf(req);
      const { spooled, fields } = await readUpload(req);
      let options: ReturnType<typeof uploadOptions>;
      try {
        options = uploadOptions(fields, kind);
      } catch (error) {
        spooled.remove();
        throw error;
      }
      // The import removes the upload when it ends: for a client that follows its
      // progress, that is after this handler has returned. Its report's reasons are told
      // in the request's language, as a refusal of the whole file is (and says so, Content-Language);
      // a missing column's, with the way this caller maps one (the command line through the server: its --map).
      const via = isLocalCli(principal) ? 'cli' : 'api';
      const language = answerLanguage(req);
      toldIn(reply, language);
      const run = (onProgress?: (p: ImportProgress) => void) =>
        importFile(s, withFields(options, { kind, file: spooled.file, actor: actorOf(principal), via, onProgress, language })).finally(spooled.remove);
      return wantsProgress(req) ? replyWithProgress(req, reply, s.logger, run) : run();
    },
  });
}
