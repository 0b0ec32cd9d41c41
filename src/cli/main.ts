import { CommanderError } from 'commander';
import { ConfigError } from '../config.ts';
import { isAppError } from '../shared/errors.ts';
import { errorText } from './error-text.ts';
import { languageAsked, speakIn } from './help.ts';
import { cliLanguage, errorWord, useLanguage } from './language.ts';
import { buildProgram } from './program.ts';

// A reader that stops early (`regulars customers export … | head`, `| jq` that fails) closes
// the pipe: the rest of the output has nowhere to go. Every command prints after its work is
// done, so it ends as it would have — not with a stack trace of the failed write.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

const program = buildProgram();
const asked = languageAsked(process.argv, process.env);
speakIn(program, asked);
// Option values are checked as the line is parsed (positiveInt), before preAction sets the
// language: set it now, as preAction will (QA: `--language sl demo --customers abc` refused in English).
useLanguage(process.argv.includes('--json') ? 'en' : asked);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  if (error instanceof ConfigError) {
    console.error(error.in(cliLanguage()));
    process.exit(2);
  }
  const language = cliLanguage();
  console.error(`${errorWord(language)}: ${await errorText(error, language)}`);
  if (!isAppError(error) && process.env.LOG_LEVEL === 'debug') console.error(error);
  process.exit(1);
}
