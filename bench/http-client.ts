import net from 'node:net';

// The load generator shares the machine's two cores with the server and PostgreSQL, so
// every microsecond it spends is taken from what it measures. node:http's client cost
// about 300 µs of CPU per request here — a third of what the server spent on the request
// itself — where pgbench's client, written in C, costs next to nothing. This client is
// one keep-alive HTTP/1.1 connection that writes each request as one string and reads
// only what it needs back: the status line, Content-Length, Server-Timing and the body.
// It is for the benchmarks' own server, whose replies always carry a Content-Length.

const HEADER_END = Buffer.from('\r\n\r\n');

export interface Reply {
  status: number;
  text: string;
  /** The Server-Timing header, when the reply has one. */
  serverTiming?: string;
}

export class BenchConnection {
  private readonly socket: net.Socket;
  private readonly ready: Promise<void>;
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: { resolve(reply: Reply): void; reject(error: Error): void } | undefined;

  constructor(url: string) {
    const u = new URL(url);
    this.socket = net.connect(Number(u.port), u.hostname);
    this.socket.setNoDelay(true);
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('connect', resolve);
      this.socket.once('error', reject);
    });
    this.socket.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.settle();
    });
    this.socket.on('error', (error) => this.fail(error));
    this.socket.on('close', () => this.fail(new Error('connection closed by the server')));
  }

  /** One request at a time per connection (as a till sends its purchases). */
  async post(path: string, headers: Record<string, string>, body: string): Promise<Reply> {
    await this.ready;
    if (this.waiting) throw new Error('BenchConnection: one request at a time');
    let head = `POST ${path} HTTP/1.1\r\nhost: bench\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n`;
    for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(`${head}\r\n${body}`);
    });
  }

  close(): void {
    this.socket.removeAllListeners('close');
    this.socket.destroy();
  }

  private settle(): void {
    if (!this.waiting) return;
    const end = this.buffer.indexOf(HEADER_END);
    if (end < 0) return;
    const head = this.buffer.toString('latin1', 0, end);
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!length) return this.fail(new Error(`reply without Content-Length: ${head.split('\r\n')[0]}`));
    const total = end + HEADER_END.length + Number(length[1]);
    if (this.buffer.length < total) return;
    const text = this.buffer.toString('utf8', end + HEADER_END.length, total);
    this.buffer = this.buffer.subarray(total);
    const { resolve } = this.waiting;
    this.waiting = undefined;
    resolve({ status, text, serverTiming: /\r\nserver-timing:\s*([^\r]*)/i.exec(head)?.[1] });
  }

  private fail(error: Error): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(error);
  }
}
