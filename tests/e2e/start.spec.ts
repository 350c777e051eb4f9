import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, ROOT, test } from './fixtures';

// `npm start` on a machine where Electron cannot start: one line that says so, then the same app
// in the browser shell at the address it prints.
test('npm start falls back to the browser shell with a one-line explanation', async ({ page }) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'openstaand-start-'));
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs'), '--port', '0', '--data', dataDir], {
    cwd: ROOT, env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed:\n${output}`)), 100_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /draait op (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
        if (match) { clearTimeout(timer); resolve(match[1]!); }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', (c: Buffer) => { output += c.toString(); });
      child.on('exit', (code) => reject(new Error(`start exited with ${code}:\n${output}`)));
    });
    const explanation = output.split('\n').filter((l) => l.startsWith('Electron kan hier niet starten'));
    expect(explanation).toHaveLength(1);
    await page.goto(url);
    await expect(page.getByRole('heading', { name: 'Welkom bij Openstaand' })).toBeVisible();
  } finally {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
});
