import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A temporary folder for a test file's CSV files; `remove` it in afterAll. */
export function csvFiles(prefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `regulars-${prefix}-`));
  let n = 0;
  return {
    dir,
    /** Writes lines (each ended by a newline) or bytes as they are, to a new file or to `name`; answers its path. */
    write(content: string[] | Buffer, name = `file-${++n}.csv`): string {
      const file = path.join(dir, name);
      fs.writeFileSync(file, Array.isArray(content) ? content.join('\n') + '\n' : content);
      return file;
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
