import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const handedOut = new Set<number>();

/**
 * A free TCP port on 127.0.0.1 for a process the test starts. Taken below Linux's ephemeral range
 * (32768+), where outgoing connections pick their local ports, and never handed out twice, so the
 * port is still free when the process binds it a moment later.
 */
export async function freePort(): Promise<number> {
  for (let tries = 0; tries < 200; tries += 1) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (handedOut.has(port)) continue;
    if (await canListen(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error('no free port found between 20000 and 32000');
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** One built entry point (dist/main.js) run as its own process, its JSON log lines kept. */
export class ServiceProcess {
  readonly lines: string[] = [];
  private readonly child: ChildProcess;
  private exited = false;

  private constructor(
    readonly name: string,
    entry: string,
    env: Record<string, string>,
  ) {
    this.child = spawn(process.execPath, [entry], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let partial = '';
    const collect = (chunk: Buffer) => {
      const text = partial + chunk.toString('utf8');
      const lines = text.split('\n');
      partial = lines.pop() ?? '';
      this.lines.push(...lines.filter((l) => l.trim()));
    };
    this.child.stdout!.on('data', collect);
    this.child.stderr!.on('data', collect);
    this.child.once('exit', () => (this.exited = true));
  }

  /** Starts `<root>/<path>/dist/main.js`; fails at once when the project has not been built. */
  static start(name: string, root: string, path: string, env: Record<string, string>): ServiceProcess {
    const entry = join(root, path, 'dist', 'main.js');
    if (!existsSync(entry)) throw new Error(`${entry} is missing: build the project first (npm run build)`);
    return new ServiceProcess(name, entry, env);
  }

  get running(): boolean {
    return !this.exited;
  }

  /** The log lines that parse as JSON (pino), with the rest (a crash's stack) left out. */
  json(): Array<Record<string, unknown>> {
    return this.lines.flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
