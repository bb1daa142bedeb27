import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ClientsEvents, ClientsRpc, eventStreamOf, SERVICE_NAMES, SystemRpc, TenancyRpc } from '@cobranza/contracts';

const protoDir = join(__dirname, '..');
const repoRoot = join(protoDir, '..');

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

describe('contracts', () => {
  it('the committed generated TypeScript matches the .proto files (run `npm run generate`)', () => {
    const out = mkdtempSync(join(tmpdir(), 'cobranza-gen-'));
    try {
      execFileSync(join(repoRoot, 'node_modules/.bin/buf'), ['generate', '-o', out], {
        cwd: protoDir,
        env: { ...process.env, PATH: `${join(repoRoot, 'node_modules/.bin')}:${process.env.PATH}` },
        stdio: 'pipe',
      });
      const committedDir = join(protoDir, 'src/gen');
      const freshDir = join(out, 'src/gen');
      const committed = listFiles(committedDir).map((f) => relative(committedDir, f)).sort();
      const fresh = listFiles(freshDir).map((f) => relative(freshDir, f)).sort();
      expect(committed).toEqual(fresh);
      for (const file of fresh) {
        expect(`${file}:\n${readFileSync(join(committedDir, file), 'utf8')}`).toBe(`${file}:\n${readFileSync(join(freshDir, file), 'utf8')}`);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('keeps requests and events under different roots, so no stream captures a request', () => {
    const requests = [
      ...Object.values(SystemRpc.status),
      ...Object.values(ClientsRpc),
      ...Object.values(TenancyRpc.provision),
    ].map((c) => c.subject);
    const events = Object.values(ClientsEvents).map((c) => c.subject);
    expect(requests.every((s) => /^rpc\.[a-z]+\.[a-z_]+\.[a-z_]+$/.test(s))).toBe(true);
    expect(events.every((s) => /^evt\.[a-z]+\.[a-z_]+\.[a-z_]+$/.test(s))).toBe(true);
    for (const service of SERVICE_NAMES) {
      const [pattern] = eventStreamOf(service).subjects;
      const prefix = pattern.replace(/>$/, '');
      expect(requests.filter((s) => s.startsWith(prefix))).toEqual([]);
    }
    expect(new Set(requests).size).toBe(requests.length);
  });
});
