#!/usr/bin/env node
// The `regulars` command. The product runs from its TypeScript sources, so a checkout needs
// no build step: `npx regulars …` works after `npm install`. It starts from a bundle of them
// that rebuilds itself when a source changes (cli-bundle.js: a second faster a command), or,
// when that cannot be built or REGULARS_NO_BUNDLE=1 asks, from the sources through tsx's loader.
import v8 from 'node:v8';
import { bundledEntry } from './cli-bundle.js';

// The embedded database is WebAssembly, and a command runs for a second or two: on Node 20,
// V8 recompiles its hot functions with TurboFan after 1.8 MB of code run, which at the start
// of every command cost ~0.3 s of CPU that a short command never earned back. Node 22's
// V8 waits for 13 MB (its default since); the same here. Long commands still tier up.
if (process.versions.node.startsWith('20.')) v8.setFlagsFromString('--wasm-tiering-budget=13000000');

const bundle = process.env.REGULARS_NO_BUNDLE === '1' ? undefined : await bundledEntry();
if (bundle) {
  process.setSourceMapsEnabled(true);
  await import(bundle.file);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
