import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledEntry } from '../bin/cli-bundle.js';

// The command's bundle (bin/cli-bundle.js) on a small program of its own: built once, reused
// while its sources stand, rebuilt when one changes or the cache goes, and its sources keep
// their own places (import.meta) inside it.
const execFileAsync = promisify(execFile);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-bundle-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const src = path.join(work, 'src');
const cacheDir = path.join(work, 'cache');
const entry = path.join(src, 'main.ts');
const part = path.join(src, 'lib', 'part.ts');
fs.mkdirSync(path.dirname(part), { recursive: true });
let edits = 0;
/**
 * A source written, its time set a minute or so back (each write another): a build leaves a
 * source saved while it ran for the next build, and these tests run quicker than that.
 */
const edit = (file: string, text: string) => {
  fs.writeFileSync(file, text);
  const earlier = new Date(Date.now() - 60_000 - 1_000 * edits++);
  fs.utimesSync(file, earlier, earlier);
};
edit(entry, "import { where } from './lib/part.ts';\nexport const answer: number = 42;\nexport { where };\n");
edit(part, 'export const where = { dirname: import.meta.dirname, url: import.meta.url, filename: import.meta.filename };\n');
const bundle = () => bundledEntry({ entry, cacheDir, name: 'test' });

describe('the CLI bundle', () => {
  it('is built once and reused while its sources stand', async () => {
    expect(await bundle()).toEqual({ file: pathToFileURL(path.join(cacheDir, 'test.mjs')).href, built: true });
    expect(await bundle()).toMatchObject({ built: false });
  });

  it("keeps each source's import.meta: paths relative to a source point where they did", async () => {
    const { file } = (await bundle())!;
    const loaded = await import(`${file}?${Date.now()}`);
    expect(loaded.answer).toBe(42);
    expect(loaded.where).toEqual({ dirname: path.dirname(part), url: pathToFileURL(part).href, filename: part });
    expect(fs.readFileSync(path.join(cacheDir, 'test.mjs.map'), 'utf8')).toContain('part.ts');
  });

  it('is rebuilt when a source it holds changes, a new one is imported, or one is deleted', async () => {
    edit(part, "export const where = 'edited';\n");
    expect(await bundle()).toMatchObject({ built: true });
    expect(await bundle()).toMatchObject({ built: false });
    expect((await import(`${(await bundle())!.file}?${Date.now()}`)).where).toBe('edited');

    const added = path.join(src, 'added.ts');
    edit(added, 'export const added = 1;\n');
    expect(await bundle()).toMatchObject({ built: false }); // nobody imports it yet
    edit(entry, "import { where } from './lib/part.ts';\nimport { added } from './added.ts';\nexport const answer = 42 + added;\nexport { where };\n");
    expect(await bundle()).toMatchObject({ built: true });

    fs.rmSync(added);
    expect(await bundle()).toBeUndefined(); // the entry imports a file that is gone: it cannot be built
  });

  it('is rebuilt when the cache is deleted or its bundle replaced', async () => {
    edit(entry, "import { where } from './lib/part.ts';\nexport const answer = 43;\nexport { where };\n");
    expect(await bundle()).toMatchObject({ built: true });
    fs.rmSync(cacheDir, { recursive: true });
    expect(await bundle()).toMatchObject({ built: true });
    fs.appendFileSync(path.join(cacheDir, 'test.mjs'), '\n// truncated or replaced by someone else\n');
    expect(await bundle()).toMatchObject({ built: true });
  });

  it("is rebuilt for another checkout's sources sharing the cache (a worktree linked to the same node_modules)", async () => {
    const other = path.join(work, 'other', 'main.ts');
    fs.mkdirSync(path.dirname(other), { recursive: true });
    edit(other, "export const answer = 'the other checkout';\n");
    expect(await bundledEntry({ entry: other, cacheDir, name: 'test' })).toMatchObject({ built: true });
    // Its manifest's sources are all unchanged, but they are not this entry's.
    const mine = (await bundle())!;
    expect(mine.built).toBe(true);
    expect((await import(`${mine.file}?${Date.now()}`)).answer).toBe(43);
    expect(await bundle()).toMatchObject({ built: false });
  });

  it('holds the packages its sources import, except PGlite, which stays on disk beside its WebAssembly; a package is stamped by its package.json', async () => {
    // The packages of this checkout, where the program's bare imports look for them.
    fs.symlinkSync(path.resolve(import.meta.dirname, '../node_modules'), path.join(work, 'node_modules'), 'dir');
    const withPackages = path.join(src, 'packages.ts');
    edit(withPackages, "import { z } from 'zod';\nexport const parsed = z.string().parse('bundled');\nexport const pglite = () => import('@electric-sql/pglite');\n");
    const own = path.join(work, 'cache-packages');
    const built = (await bundledEntry({ entry: withPackages, cacheDir: own, name: 'packages' }))!;
    const text = fs.readFileSync(path.join(own, 'packages.mjs'), 'utf8');
    expect(text).not.toMatch(/from ["']zod["']/);
    expect(text).toMatch(/import\(["']@electric-sql\/pglite["']\)/);
    const loaded = await import(built.file);
    expect(loaded.parsed).toBe('bundled');
    expect(typeof (await loaded.pglite()).PGlite).toBe('function');
    const zod = path.resolve(import.meta.dirname, '../node_modules/zod');
    const stamped = Object.keys(JSON.parse(fs.readFileSync(path.join(own, 'packages.json'), 'utf8')).inputs);
    expect(stamped.filter((file) => file.startsWith(zod + path.sep))).toEqual([path.join(zod, 'package.json')]);
    expect(await bundledEntry({ entry: withPackages, cacheDir: own, name: 'packages' })).toMatchObject({ built: false });
  });

  it('is built by three processes at once: each renames a whole bundle into place, no temporary file stays', async () => {
    edit(part, "export const where = 'side by side';\n");
    const script = `import { bundledEntry } from ${JSON.stringify(pathToFileURL(path.resolve(import.meta.dirname, '../bin/cli-bundle.js')).href)};
      const { file, built } = await bundledEntry(${JSON.stringify({ entry, cacheDir, name: 'test' })});
      console.log(JSON.stringify({ built, where: (await import(file)).where }));`;
    const runs = await Promise.all([1, 2, 3].map(() => execFileAsync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })));
    const answers = runs.map((r) => JSON.parse(r.stdout) as { built: boolean; where: string });
    // Each loads the new bundle whole; one that starts after another has finished finds it fresh.
    expect(answers.map((a) => a.where)).toEqual(['side by side', 'side by side', 'side by side']);
    expect(answers.some((a) => a.built)).toBe(true);
    expect(fs.readdirSync(cacheDir).sort()).toEqual(['test.json', 'test.mjs', 'test.mjs.map']);
    // The last manifest written may name another process's bundle (the same code): at most one build more.
    await bundle();
    expect(await bundle()).toMatchObject({ built: false });
  });
});
