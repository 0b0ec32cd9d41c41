import { spawn } from 'node:child_process';
import { expect, it } from 'vitest';
import { BIN } from '../../test/helpers/cli-process.ts';

// `regulars … | head`: the reader goes away before the command prints. The command ends as it
// would have (exit 0), without Node's "Unhandled 'error' event … write EPIPE" on stderr.
it('ends quietly when the reader of its output has gone away', async () => {
  const child = spawn(process.execPath, [BIN, 'loyalty', 'schema'], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(stderr).toBe('');
  expect(code).toBe(0);
}, 60_000);
