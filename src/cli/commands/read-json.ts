import fs from 'node:fs';
import { invalid } from '../../shared/errors.ts';
import { jsonSyntaxError } from '../../shared/json-syntax.ts';
import { say } from '../../shared/messages/index.ts';

/** A JSON file a command reads (a program document), or a refusal naming the file. */
export function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw invalid(code === 'ENOENT' ? say('cli.file_missing', { file }) : code === 'EISDIR' ? say('cli.is_folder', { file }) : `${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    // The engine's reason is English whatever --language says: the place is told instead.
    const at = jsonSyntaxError(text);
    if (!at) throw invalid(say('cli.not_json', { file }));
    throw invalid(say(at.ends ? 'cli.not_json_ends' : 'cli.not_json_at', { file, line: at.line, column: at.column }));
  }
}
