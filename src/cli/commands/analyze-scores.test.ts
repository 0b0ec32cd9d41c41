import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `regulars analyze scores` as a user runs it, on a fresh embedded data folder with a
// small demo business.
const ROOT = path.resolve(import.meta.dirname, '../../..');
const BIN = path.join(ROOT, 'bin/regulars.js');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-scores-cli-'));
const env = { ...process.env, DATA_DIR: path.join(work, 'data'), LOG_LEVEL: 'warn', TIMEZONE: 'Europe/Ljubljana' };
const run = (...args: string[]) => spawnSync(BIN, args, { env, encoding: 'utf8' });
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('regulars analyze scores', () => {
  it('scores the customers and prints the run, as text or JSON', () => {
    expect(run('demo', '--customers', '120').status).toBe(0);
    const text = run('analyze', 'scores');
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^Scored 120 customers as of \d{4}-\d{2}-\d{2} in [\d.]+ s \(run [0-9a-f-]{36}\); 120 changed segment\./);
    expect(text.stdout).toContain('Purchase model: bgnbd.');
    const json = JSON.parse(run('analyze', 'scores', '--json').stdout);
    expect(json).toMatchObject({ trigger: 'cli', customers: 120, segment_changes: 0, left: 0 });
    expect(json.segments.reduce((n: number, s: { customers: number }) => n + s.customers, 0)).toBe(120);
    const bad = run('analyze', 'scores', '--model', 'nope');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('transaction_model');
  }, 180_000); // four runs of the command, each starting the embedded database
});
