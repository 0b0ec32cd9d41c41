import fs from 'node:fs';
import { invalid } from '../../shared/errors.ts';
import { say } from '../../shared/messages/index.ts';

/** A JSON file a command reads (a program document), or a refusal naming the file. */
export function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw invalid((error as NodeJS.ErrnoException).code === 'ENOENT' ? say('cli.file_missing', { file }) : `${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalid(say('cli.not_json', { file, reason: (error as Error).message }));
  }
}
