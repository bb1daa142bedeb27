import type { ReadinessCheck } from '@cobranza/platform';
import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { promisify } from 'node:util';

export const chromiumPath = (): string => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Flags for headless Chromium on a server: no sandbox (root in a container), and none of the
 * background network traffic Chromium makes by default, since documents must load nothing.
 */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-extensions',
];

/** Ready only when the configured Chromium binary exists and runs. */
export function chromiumCheck(): ReadinessCheck {
  return {
    name: 'chromium',
    check: async () => {
      const path = chromiumPath();
      await access(path, constants.X_OK).catch(() => {
        throw new Error(`Chromium not found at ${path}; install the chromium package or set CHROMIUM_PATH`);
      });
      await promisify(execFile)(path, ['--version'], { timeout: 10_000 });
    },
  };
}
