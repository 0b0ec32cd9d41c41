import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { CLI_HELP } from '../shared/messages/index.ts';
import { commanderErrorIn, commandsOf, languageAsked, speakIn } from './help.ts';
import { buildProgram } from './program.ts';

// The command line's help and commander's own refusals in the five languages (QA: `regulars
// --language sl import --help` and `regulars --language tr status --jsn` answered in English).

const OTHER_LANGUAGES = ['sl', 'tr', 'da', 'ru'] as const;

/** Help as one line: commander wraps it to the terminal's width. */
const unwrapped = (help: string) => help.replace(/\s+/g, ' ');

/** Every description the help shows: commands, their arguments and options. */
function descriptionsOf(program: Command): string[] {
  return commandsOf(program).flatMap((command) => [
    command.description(),
    ...command.registeredArguments.map((argument) => argument.description),
    ...command.options.map((option) => option.description ?? ''),
  ]);
}

describe('the help catalogue', () => {
  it('translates every description of every command, argument and option into each language', () => {
    const descriptions = descriptionsOf(buildProgram());
    expect(descriptions.length).toBeGreaterThan(90);
    expect(descriptions.filter((text) => !text), 'a command, argument or option without a description').toEqual([]);
    expect(descriptions.filter((text) => !Object.hasOwn(CLI_HELP, text)), 'descriptions missing in src/shared/messages/cli-help.ts').toEqual([]);
    for (const [english, translations] of Object.entries(CLI_HELP)) {
      for (const language of OTHER_LANGUAGES) expect(translations[language], `${language}: ${english}`).toMatch(/\S/);
    }
  });

  it('holds no entry that no command uses any more', () => {
    const used = new Set(descriptionsOf(buildProgram()));
    expect(Object.keys(CLI_HELP).filter((text) => !used.has(text))).toEqual([]);
  });

  it('prints a command\'s help in the language, headings and extras too', () => {
    const program = buildProgram();
    speakIn(program, 'sl');
    expect(program.helpInformation()).toContain('Uporaba: regulars [options] [command]');
    expect(unwrapped(program.helpInformation())).toContain('(možnosti: "en", "sl", "tr", "da", "ru", okolje: REGULARS_LANGUAGE)');
    expect(program.helpInformation()).toContain('Ukazi:');
    const apply = program.commands.find((c) => c.name() === 'loyalty')!.commands.find((c) => c.name() === 'apply')!;
    const help = unwrapped(apply.helpInformation());
    expect(help).toContain('uveljavi dokument programa (JSON) kot novo različico');
    expect(help).toContain('Argumenti:');
    expect(help).toContain('(privzeto: "upgrade_now")');
    expect(help).toContain('prikaži pomoč za ukaz');
    for (const english of ['Usage:', 'Options:', 'display help', 'default:', 'apply a program document']) expect(help).not.toContain(english);
  });

  it('leaves English as it was', () => {
    const program = buildProgram();
    const before = program.helpInformation();
    speakIn(program, 'en');
    expect(program.helpInformation()).toBe(before);
    expect(before).toContain('Usage: regulars [options] [command]');
  });

  // QA: simulate's help said "play the purchases again" (as a recording) in Slovenian, Danish
  // and Russian, where its answer says it recalculated them; --since was "YYYY-MM-DD" alone,
  // neither required nor the timestamp it also takes.
  it("says what loyalty simulate does in each language's own word for it, and that --since is required", () => {
    const simulateIn = (language: keyof typeof expected) => {
      const program = buildProgram();
      speakIn(program, language);
      return program.commands.find((c) => c.name() === 'loyalty')!.commands.find((c) => c.name() === 'simulate')!;
    };
    const expected = { sl: ['preračunaj nakupe', '(obvezno)'], tr: ['yeniden hesapla', '(zorunlu)'], da: ['genberegn købene', '(påkrævet)'], ru: ['пересчитать покупки', '(обязательно)'] };
    for (const [language, words] of Object.entries(expected)) {
      const help = unwrapped(simulateIn(language as keyof typeof expected).helpInformation());
      for (const word of words) expect(help, language).toContain(word);
      expect(help, language).not.toMatch(/predvajaj|oynat|afspil|воспроизвести/);
    }
  });
});

describe('the help layout', () => {
  /** The lines of every command's help in `language` wider than `width` (its terminal's, when given). */
  const wideLines = (language: 'en' | (typeof OTHER_LANGUAGES)[number], width?: number) => {
    const program = buildProgram();
    speakIn(program, language);
    return commandsOf(program).flatMap((command) => {
      if (width) command.configureOutput({ getOutHelpWidth: () => width });
      return command.helpInformation().split('\n').filter((line) => [...line].length > (width ?? 80)).map((line) => `${command.name()}: ${line}`);
    });
  };

  // QA: `regulars customers --help` ran to 200 columns in every language: commander wraps a
  // description only in a column of 40 or more, and `customers merge [options] <survivor>
  // <duplicate>` left 38.
  it("wraps every command's help at 80 columns in every language", () => {
    for (const language of ['en', ...OTHER_LANGUAGES] as const) expect(wideLines(language), language).toEqual([]);
  });

  it("wraps it at a terminal's width when stdout is one", () => {
    for (const language of ['en', ...OTHER_LANGUAGES] as const) {
      expect(wideLines(language, 60), language).toEqual([]);
      expect(wideLines(language, 120), language).toEqual([]);
    }
    const program = buildProgram();
    speakIn(program, 'sl');
    const customers = program.commands.find((c) => c.name() === 'customers')!;
    customers.configureOutput({ getOutHelpWidth: () => 200 });
    // A wide terminal keeps each description beside its term, on one line.
    expect(customers.helpInformation()).toMatch(/\n {2}merge \[options\] <survivor> <duplicate> {2}združi dvojnika s stranko[^\n]+ni mogoče razveljaviti\n/);
  });
});

describe("commander's refusals", () => {
  it('tells each in the language, with what the user typed kept as typed', () => {
    expect(commanderErrorIn("error: unknown option '--jsn'\n(Did you mean --json?)\n", 'tr')).toBe("Hata: bilinmeyen seçenek '--jsn'\n(--json mi demek istediniz?)\n");
    expect(commanderErrorIn("error: unknown command 'imprt'\n(Did you mean import?)\n", 'da')).toBe("Fejl: ukendt kommando 'imprt'\n(Mente du import?)\n");
    expect(commanderErrorIn("error: missing required argument 'file'\n", 'ru')).toBe("Ошибка: не указан обязательный аргумент 'file'\n");
    expect(commanderErrorIn("error: required option '--since <date>' not specified\n", 'sl')).toBe("Napaka: obvezna možnost '--since <date>' ni podana\n");
    expect(commanderErrorIn("error: option '--name <name>' argument missing\n", 'da')).toBe("Fejl: tilvalget '--name <name>' mangler sin værdi\n");
    expect(commanderErrorIn("error: too many arguments for 'revoke'. Expected 1 argument but got 2.\n", 'sl')).toBe("Napaka: preveč argumentov za 'revoke': pričakovano 1, podano 2.\n");
    expect(commanderErrorIn('error: too many arguments. Expected 0 arguments but got 1.\n', 'ru')).toBe('Ошибка: слишком много аргументов: ожидалось 0, получено 1.\n');
    expect(commanderErrorIn("error: option '--language <code>' argument 'xx' is invalid. Allowed choices are en, sl, tr, da, ru.\n", 'tr'))
      .toBe("Hata: '--language <code>' seçeneğinin 'xx' değeri geçersiz. İzin verilen değerler: en, sl, tr, da, ru.\n");
    expect(commanderErrorIn("error: option '--language <code>' value 'xx' from env 'REGULARS_LANGUAGE' is invalid. Allowed choices are en, sl.\n", 'da'))
      .toBe("Fejl: værdien 'xx' af tilvalget '--language <code>' fra miljøvariablen 'REGULARS_LANGUAGE' er ugyldig. Tilladte værdier: en, sl.\n");
  });

  it('keeps a sentence it does not know as commander wrote it', () => {
    expect(commanderErrorIn('error: something new in commander 15\n', 'sl')).toBe('Napaka: something new in commander 15\n');
    expect(commanderErrorIn("error: unknown option '--jsn'\n", 'en')).toBe("error: unknown option '--jsn'\n");
  });
});

describe('the language asked for', () => {
  it('is --language anywhere on the line, else REGULARS_LANGUAGE, else English', () => {
    expect(languageAsked(['node', 'regulars', 'import', '--help', '--language', 'sl'], {})).toBe('sl');
    expect(languageAsked(['node', 'regulars', '--language=ru', 'status'], { REGULARS_LANGUAGE: 'da' })).toBe('ru');
    expect(languageAsked(['node', 'regulars', 'status'], { REGULARS_LANGUAGE: 'tr' })).toBe('tr');
    expect(languageAsked(['node', 'regulars', '--language', 'xx', 'status'], { REGULARS_LANGUAGE: 'tr' })).toBe('en');
    expect(languageAsked(['node', 'regulars', 'status'], {})).toBe('en');
  });

  it('is the one `regulars --help` and a mistyped option answer in, from the real command line', () => {
    const bin = path.resolve(import.meta.dirname, '../../bin/regulars.js');
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'REGULARS_LANGUAGE'));
    const help = spawnSync(process.execPath, [bin, 'loyalty', 'verify', '--help'], { env: { ...env, REGULARS_LANGUAGE: 'da' }, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Brug: regulars loyalty verify [options]');
    expect(unwrapped(help.stdout)).toContain('bevis hver pointkontos saldo mod dens posteringer (medlemmernes og dem for kunder, der siden er flettet eller slettet); afslutter med 1 ved enhver uoverensstemmelse');
    const mistyped = spawnSync(process.execPath, [bin, '--language', 'ru', 'status', '--jsn'], { env, encoding: 'utf8' });
    expect(mistyped.status).toBe(1);
    expect(mistyped.stderr).toMatch(/^Ошибка: неизвестный параметр '--jsn'\n\(Возможно, вы имели в виду --json\?\)\n/);
    expect(mistyped.stderr).toContain('Параметры:');
  });
});
