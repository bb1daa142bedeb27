import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Workflow code must stay deterministic: workflow files may import only @temporalio/workflow,
 * other workflow-safe files of the package, and types. No Node built-ins, ORM, NestJS or NATS.
 */
const srcDir = join(__dirname, '../src');
const WORKFLOW_FILES = /(^|\/)(workflows|shared)\.ts$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('workflow code', () => {
  const files = filesUnder(srcDir).filter((f) => WORKFLOW_FILES.test(relative(srcDir, f)));

  it('exists', () => {
    expect(files.map((f) => relative(srcDir, f))).toContain('workflows.ts');
  });

  it.each(files.map((f) => [relative(srcDir, f), f]))('%s imports only workflow-safe modules', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    const valueImports = [...source.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
    const offending = valueImports.filter((spec) => {
      if (spec === '@temporalio/workflow') return false;
      // Pure date arithmetic with no clock or I/O: the same rule billing previews with.
      if (spec === '@cobranza/recurrence') return false;
      if (spec.startsWith('.')) return !/(workflows|shared)$/.test(spec);
      return true;
    });
    expect(offending).toEqual([]);
  });
});
