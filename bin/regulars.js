#!/usr/bin/env node
// The `regulars` command. The product runs from its TypeScript sources, so a checkout needs
// no build step: `npx regulars …` works after `npm install`. It starts from a bundle of them
// that rebuilds itself when a source changes (cli-bundle.js: a second faster a command), or,
// when that cannot be built or REGULARS_NO_BUNDLE=1 asks, from the sources through tsx's loader.
import { bundledEntry } from './cli-bundle.js';

const bundle = process.env.REGULARS_NO_BUNDLE === '1' ? undefined : await bundledEntry();
if (bundle) {
  process.setSourceMapsEnabled(true);
  await import(bundle.file);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
