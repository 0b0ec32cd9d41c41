// A small structured logger: one JSON line per entry when LOG_FORMAT=json (servers),
// readable lines otherwise. Levels below LOG_LEVEL are dropped.
type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export function createLogger({ level = 'info', json = false }: { level?: Level; json?: boolean } = {}): Logger {
  const write = (at: Level, message: string, fields?: Record<string, unknown>) => {
    if (order[at] < order[level]) return;
    const stream = at === 'error' || at === 'warn' ? process.stderr : process.stdout;
    if (json) {
      stream.write(JSON.stringify({ time: new Date().toISOString(), level: at, message, ...fields }) + '\n');
    } else {
      const extra = fields && Object.keys(fields).length ? ' ' + JSON.stringify(fields) : '';
      stream.write(`${at === 'info' ? '' : at.toUpperCase() + ' '}${message}${extra}\n`);
    }
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
