// The `regulars` command starts from one JavaScript bundle of its TypeScript sources,
// built by esbuild into a cache beside the dependencies and rebuilt whenever a source it
// holds changes. Loading the ~365 modules one by one through tsx's loader took some 2.4 s
// a command; the bundle, which holds the packages too, loads in about half a second, and
// every CLI test and every `npx regulars …` pays that start (docs/benchmarks.md, CLI start-up). No build step is needed: the first run builds it
// (about a second), and bin/regulars.js falls back to tsx when it cannot be built.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * The cache folder: inside node_modules, so it is never committed, and the bundle's bare
 * imports (the few packages left outside it, EXTERNAL) resolve up the folders to the
 * package's node_modules.
 */
export const CACHE_DIR = path.join(ROOT, 'node_modules/.cache/regulars');

/** What a file was when the bundle was built: its modification time and size, or null once it is gone. */
export function stampOf(file) {
  try {
    const s = fs.statSync(file);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return null;
  }
}

/**
 * The bundle of `entry` (`name`.mjs in `cacheDir`, its source map beside it), built when
 * missing or stale: `{ file, built }`, or undefined when it could not be built (esbuild
 * missing, a source that does not compile, a folder we may not write): the caller then
 * runs the sources as they are. A file URL, to import.
 */
export async function bundledEntry({ entry = path.join(ROOT, 'src/cli/main.ts'), cacheDir = CACHE_DIR, name = 'cli' } = {}) {
  const bundle = path.join(cacheDir, `${name}.mjs`);
  const manifest = path.join(cacheDir, `${name}.json`);
  if (isFresh(manifest, bundle, entry)) return { file: pathToFileURL(bundle).href, built: false };
  try {
    await build(entry, bundle, manifest);
    return { file: pathToFileURL(bundle).href, built: true };
  } catch (error) {
    if (process.env.LOG_LEVEL === 'debug') console.error('regulars: the CLI bundle could not be built; running the sources through tsx.', error);
    return undefined;
  }
}

/**
 * The manifest lists every file the bundle was built from with its stamp (and the bundle's
 * own). The bundle is fresh while none of them changed: an edited or deleted source
 * rebuilds it; a new file only matters once a source imports it, and that source changed.
 * A few hundred stats cost a few milliseconds. And only for the `entry` it was built from:
 * another checkout whose node_modules is this one's (a git worktree linked to it) builds
 * into the same cache, and its bundle — its sources, its paths — is not this one's.
 */
export function isFresh(manifest, bundle, entry) {
  let recorded;
  try {
    recorded = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  } catch {
    return false;
  }
  if (recorded.bundle !== stampOf(bundle) || !(entry in recorded.inputs)) return false;
  for (const [file, stamp] of Object.entries(recorded.inputs)) if (stampOf(file) !== stamp) return false;
  return true;
}

async function build(entry, bundle, manifest) {
  const esbuild = await import('esbuild');
  const started = Date.now();
  const result = await esbuild.build({
    entryPoints: [entry],
    absWorkingDir: path.dirname(entry),
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The packages are bundled too: Node's loader finding, reading and linking their 750-odd
    // files one by one was most of a command's start (`regulars --help` 1.5 CPU s, 0.9 bundled).
    // Those that must stay on disk stay outside (EXTERNAL), and the packages a bundled
    // CommonJS file requires at run time (node: built-ins) get a `require` (banner).
    external: EXTERNAL,
    banner: { js: "import { createRequire as createRequireOfBundle } from 'node:module';\nconst require = createRequireOfBundle(import.meta.url);" },
    // Stack traces name the .ts files and their lines (bin/regulars.js turns Node's source maps on).
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    write: false,
    logLevel: 'silent',
    plugins: [sourcePaths],
  });
  const inputs = [...new Set(Object.keys(result.metafile.inputs).map((file) => stampedFor(path.resolve(path.dirname(entry), file))))];
  // How the bundle is made counts as much as what it is made of: this file, the compiler settings, esbuild's version.
  inputs.push(import.meta.filename, path.join(ROOT, 'tsconfig.json'), createRequire(import.meta.url).resolve('esbuild/package.json'));
  // npm rewrites its record of node_modules on every install, update or removal (a package's
  // own files may keep their times and sizes across versions).
  if (inputs.some((file) => file.includes(`${path.sep}node_modules${path.sep}`)) && fs.existsSync(INSTALLED)) inputs.push(INSTALLED);
  const stamps = Object.fromEntries(inputs.map((file) => [file, stampOf(file)]));

  // Another process may build at the same moment (vitest runs test files side by side,
  // each starting the command): each writes its own temporary files and renames them
  // into place, which replaces a file whole, so nobody imports a half-written bundle.
  fs.mkdirSync(path.dirname(bundle), { recursive: true });
  const place = (file, contents) => {
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    fs.writeFileSync(temporary, contents);
    fs.renameSync(temporary, file);
  };
  for (const out of result.outputFiles) if (out.path.endsWith('.map')) place(out.path, out.contents);
  for (const out of result.outputFiles) if (!out.path.endsWith('.map')) place(out.path, out.contents);
  // A source saved while the build was reading it may be in the bundle as it was before: no
  // manifest then, so the next run builds again. (The margin covers the file system's coarser clock.)
  if (Object.values(stamps).some((stamp) => stamp === null || Number(stamp.split(':')[0]) > started - 100)) return;
  place(manifest, JSON.stringify({ bundle: stampOf(bundle), inputs: stamps }));
}

/**
 * What the bundle must not hold: PGlite finds its WebAssembly and data files beside its own
 * module (import.meta.url), and the packages that are native, optional or tools of the
 * build and tests are loaded from node_modules as they are, if a source ever imports them.
 */
const EXTERNAL = ['@electric-sql/pglite', '@electric-sql/pglite/*', 'pg-native', 'esbuild', 'tsx', 'tsx/*', 'typescript', 'vite', 'vitest', 'vitest/*', '@vitejs/*', 'playwright-core'];

/** npm's record of what node_modules holds (its hidden lockfile). */
const INSTALLED = path.join(ROOT, 'node_modules/.package-lock.json');

/**
 * The file whose stamp stands for `file`: a source itself; for a file of a package (a
 * bundle holds about a thousand), the package's package.json, with INSTALLED beside them.
 */
function stampedFor(file) {
  const parts = file.split(path.sep);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return file;
  const name = parts[at + 1]?.startsWith('@') ? 2 : 1;
  return [...parts.slice(0, at + 1 + name), 'package.json'].join(path.sep);
}

/**
 * The sources' own places, kept: `import.meta.url`, `dirname` and `filename` in a bundled
 * source would name the bundle in the cache; written out as the source file's, a path
 * relative to a source (the dashboard's build, package.json, examples/, a worker's module
 * and its entry, createRequire) points where it does under tsx.
 */
const sourcePaths = {
  name: 'source-paths',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async ({ path: file }) => {
      if (file.split(path.sep).includes('node_modules')) return undefined;
      const values = { url: pathToFileURL(file).href, dirname: path.dirname(file), filename: file };
      const source = await fs.promises.readFile(file, 'utf8');
      const ext = path.extname(file);
      return {
        contents: source.replace(/\bimport\.meta\.(url|dirname|filename)\b/g, (_, key) => JSON.stringify(values[key])),
        loader: ext.endsWith('tsx') ? 'tsx' : ext.endsWith('ts') ? 'ts' : ext.endsWith('jsx') ? 'jsx' : 'js',
      };
    });
  },
};
