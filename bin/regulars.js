#!/usr/bin/env node
// The `regulars` command. The product runs from its TypeScript sources through tsx's
// loader, so a checkout needs no build step: `npx regulars …` works after `npm install`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
