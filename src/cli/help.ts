import { Help, type Argument, type Command, type Option } from 'commander';
import { CLI_HELP, COMMANDER_ERRORS, COMMANDER_WORDS, LANGUAGES, type HelpTranslations, type Language } from '../shared/messages/index.ts';
import { errorWord } from './language.ts';

// The command line's help and commander's own refusals (an unknown option, a missing
// argument) in the language it is asked to speak. Commander prints both while it parses
// the command line, before any command's action has run, so the language is read from the
// arguments and the environment first (languageAsked), the way the --language option will
// read it. The descriptions are written in English beside their commands; the catalogue
// (src/shared/messages/cli-help.ts) holds them by their English text.

/** --language's value (anywhere on the line, as commander accepts it) or REGULARS_LANGUAGE; English when neither names a language. */
export function languageAsked(argv: readonly string[], env: Record<string, string | undefined>): Language {
  let asked: string | undefined = env.REGULARS_LANGUAGE;
  argv.forEach((arg, i) => {
    if (arg === '--language') asked = argv[i + 1];
    else if (arg.startsWith('--language=')) asked = arg.slice('--language='.length);
  });
  return LANGUAGES.find((l) => l === asked) ?? 'en';
}

const inLanguage = (catalogue: Readonly<Record<string, HelpTranslations>>, text: string, language: Language): string =>
  language === 'en' ? text : (Object.hasOwn(catalogue, text) ? catalogue[text][language] : text);

/** A description in `language`; a text the catalogue lacks stays English (help.test.ts fails on it). */
export const helpText = (text: string, language: Language): string => inLanguage(CLI_HELP, text, language);

/** Every command of the program, the program first. */
export function commandsOf(program: Command): Command[] {
  return [program, ...program.commands.flatMap(commandsOf)];
}

/**
 * A term and its description as commander lays them out, the description wrapped to the
 * help's width (80 columns, the terminal's when stdout is one). Commander leaves a
 * description unwrapped when the terms leave it a column narrower than minWidthToWrap (40):
 * `customers` has terms as long as "merge [options] <survivor> <duplicate>", and its lines
 * ran to 200 columns. There the description goes under its term, indented, and wraps to the
 * whole width.
 */
function formatItem(term: string, termWidth: number, description: string, helper: Help): string {
  const width = helper.helpWidth ?? 80;
  const besideTerm = width - termWidth - 4;
  if (!description || besideTerm >= helper.minWidthToWrap || helper.preformatted(description)) {
    return Help.prototype.formatItem.call(helper, term, termWidth, description, helper);
  }
  const indent = ' '.repeat(6);
  return `  ${term}\n${indent}${helper.boxWrap(description, width - indent.length).replace(/\n/g, `\n${indent}`)}`;
}

/** The usage line wrapped as the descriptions are, its further lines under the first's start (commander never wraps it). */
function commandUsage(this: Help, command: Command): string {
  const usage = Help.prototype.commandUsage.call(this, command);
  const indent = ' '.repeat(this.displayWidth(this.styleTitle('Usage:')) + 1);
  return this.boxWrap(usage, (this.helpWidth ?? 80) - indent.length).replace(/\n/g, `\n${indent}`);
}

/** Makes every command of `program` wrap its help to the width, in whichever language it is told (speakIn keeps this). */
export function wrapHelp(program: Command): void {
  for (const command of commandsOf(program)) command.configureHelp({ ...command.configureHelp(), formatItem, commandUsage });
}

/** Makes `program` (every command in it) print its help and commander's refusals in `language`. */
export function speakIn(program: Command, language: Language): void {
  if (language === 'en') return;
  const word = (text: string) => inLanguage(COMMANDER_WORDS, text, language);
  const extras = (told: string, description: string) =>
    // The words commander adds after a description: "(choices: …, default: …, env: …)".
    description + told.slice(description.length).replace(/(\(|, )(choices|default|env): /g, (_, before: string, name: string) => `${before}${word(name)}: `);
  for (const command of commandsOf(program)) {
    command.description(helpText(command.description(), language));
    for (const option of command.options as Option[]) if (option.description) option.description = helpText(option.description, language);
    for (const argument of command.registeredArguments as Argument[]) if (argument.description) argument.description = helpText(argument.description, language);
    command.helpOption('-h, --help', word('display help for command'));
    if (command.commands.length > 0) command.helpCommand('help [command]', word('display help for command'));
    command.configureHelp({
      ...command.configureHelp(),
      styleTitle: (title) => word(title),
      optionDescription: (option) => extras(Help.prototype.optionDescription.call(new Help(), option), option.description),
      argumentDescription: (argument) => extras(Help.prototype.argumentDescription.call(new Help(), argument), argument.description),
    });
    command.configureOutput({ outputError: (text, write) => write(commanderErrorIn(text, language)) });
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each of commander's sentences as a pattern over its English wording; what follows a matched sentence is told on its own. */
const PATTERNS = Object.keys(COMMANDER_ERRORS).map((template) => ({
  template,
  pattern: new RegExp(`^${escapeRegExp(template).replace(/\\\{(\w+)\\\}/g, '(?<$1>.*?)')}(?: (?<rest>.*))?$`, 's'),
}));

/** One of commander's sentences in `language`; a sentence it does not know stays as written. */
function sentenceIn(sentence: string, language: Language): string {
  for (const { template, pattern } of PATTERNS) {
    const match = pattern.exec(sentence);
    if (!match?.groups) continue;
    const { rest, ...parts } = match.groups;
    const told = COMMANDER_ERRORS[template][language as Exclude<Language, 'en'>].replace(/\{(\w+)\}/g, (_, name: string) =>
      // A part that is itself a sentence of commander's (" for 'import'") is told too.
      parts[name] ? sentenceIn(parts[name], language) : '');
    return rest ? `${told} ${sentenceIn(rest, language)}` : told;
  }
  return sentence;
}

/** Commander's refusal ("error: unknown option '--jsn'\n(Did you mean --json?)\n") told in `language`, line by line. */
export function commanderErrorIn(text: string, language: Language): string {
  if (language === 'en') return text;
  return text
    .split('\n')
    .map((line) => (line.startsWith('error: ') ? `${errorWord(language)}: ${sentenceIn(line.slice('error: '.length), language)}` : sentenceIn(line, language)))
    .join('\n');
}
