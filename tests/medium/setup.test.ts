import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { electronBinary } from '../../scripts/install-electron.js';
import { REPO_ROOT } from '../helpers/browser-host';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/factories';
import { PHOTO_FIXTURES } from '../helpers/fixtures';

describe('the two commands a newcomer types', () => {
  it("npm install: Electron's own download script is not run by npm; ours tries and never fails the install", async () => {
    const pkg = JSON.parse(await fs.readFile(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(pkg.allowScripts?.electron).toBe(false);
    expect(pkg.scripts.postinstall).toMatch(/postinstall/);
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'install-electron.js')], {
      encoding: 'utf8',
      timeout: 600_000,
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /Electron is installed|could not be installed \(.+\)[\s\S]*npm start runs Chasing Light in your browser/,
    );
  }, 600_000);

  // Where Electron's binary is installed npm start opens its window instead: there is no address to look for.
  it.skipIf(!!electronBinary())(
    'npm start: no build chatter, and the address printed last, framed, and working',
    async () => {
      const home = await tempDir('cl-start-home-');
      const child = spawn(process.execPath, [path.join(REPO_ROOT, 'scripts', 'start.js')], {
        cwd: REPO_ROOT,
        env: { ...process.env, CHASING_LIGHT_HOME: home },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      child.stderr!.resume();
      const lines: string[] = [];
      try {
        const url = await new Promise<string>((resolve, reject) => {
          const rl = readline.createInterface({ input: child.stdout! });
          rl.on('line', (line) => {
            lines.push(line);
            const m = /│ (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)\s+│/.exec(line);
            if (m) resolve(m[1]!);
          });
          child.once('exit', (code) => reject(new Error(`npm start exited ${code}: ${lines.join('\n')}`)));
        });
        // Everything before the frame: a line or two, not hundreds of build lines.
        const before = lines.findIndex((l) => l.startsWith('┌'));
        expect(before).toBeGreaterThanOrEqual(0);
        expect(before).toBeLessThanOrEqual(4);
        const u = new URL(url);
        const status = await new Promise<number>((resolve, reject) =>
          http
            .get({ host: '127.0.0.1', port: u.port, path: `/?${u.searchParams}`, headers: { Host: u.host } }, (res) =>
              resolve(res.statusCode!),
            )
            .on('error', reject),
        );
        expect(status).toBe(302);
      } finally {
        process.kill(-child.pid!, 'SIGTERM');
      }
    },
    120_000,
  );
});

describe('the commands the README gives after npm install', () => {
  it('serve on a clone where nothing is built yet builds the UI first and serves the app, never "the UI is not built"', async (ctx) => {
    // A clone as npm install leaves it when the build at install could not run: the sources, nothing under out/.
    let files: string[];
    try {
      files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      }).split('\n');
    } catch {
      return ctx.skip('this checkout is not a git work tree: its files cannot be listed to make a clone');
    }
    const clone = await tempDir('cl-clone-');
    for (const f of files.filter((f) => f && !/^(tests|docs|bench|\.ci)\//.test(f))) {
      await fs.mkdir(path.join(clone, path.dirname(f)), { recursive: true });
      await fs.copyFile(path.join(REPO_ROOT, f), path.join(clone, f)).catch(() => undefined);
    }
    await fs.symlink(path.join(REPO_ROOT, 'node_modules'), path.join(clone, 'node_modules'));
    const project = path.join(clone, 'proj');
    expect((await runCli(['new', project])).code).toBe(0);
    const child = spawn(process.execPath, [path.join(clone, 'bin', 'chasing-light.js'), 'serve', project], {
      cwd: clone,
      env: { ...process.env, CHASING_LIGHT_HOME: await tempDir('cl-clone-home-') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr!.resume();
    try {
      const line = await new Promise<string>((resolve, reject) => {
        readline.createInterface({ input: child.stdout! }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
      });
      const u = new URL(line);
      const get = (p: string, headers: Record<string, string> = {}) =>
        new Promise<{ status: number; body: string; cookie?: string }>((resolve, reject) =>
          http
            .get({ host: '127.0.0.1', port: u.port, path: p, headers: { Host: u.host, ...headers } }, (res) => {
              let body = '';
              res.on('data', (d) => (body += d));
              res.on('end', () =>
                resolve({ status: res.statusCode!, body, cookie: res.headers['set-cookie']?.[0]?.split(';')[0] }),
              );
            })
            .on('error', reject),
        );
      const traded = await get(`/?${u.searchParams}`);
      expect(traded.status).toBe(302);
      const page = await get('/', { Cookie: traded.cookie! });
      expect(page.status).toBe(200);
      expect(page.body).toMatch(/<script[^>]+src=/);
      await expect(fs.stat(path.join(clone, 'out', 'renderer', 'index.html'))).resolves.toBeTruthy();
    } finally {
      child.kill('SIGTERM');
    }
  }, 240_000);
});

describe('the command line keeps stdout for its output', () => {
  it('import --json stays valid JSON when a library prints (the HEIF decoder, on a damaged file)', async () => {
    const root = await tempDir('cl-stdout-');
    const card = path.join(root, 'card');
    await fs.mkdir(card);
    const heif = await fs.readFile(path.join(PHOTO_FIXTURES, 'samplefilehub.heif'));
    // Whole, but its primary item ('pitm', at byte 81) names an item that does not exist: libheif prints and gives up.
    const broken = Buffer.from(heif);
    expect(broken.toString('latin1', 73, 77)).toBe('pitm');
    broken.writeUInt16BE(99, 81);
    await fs.writeFile(path.join(card, 'broken.heif'), broken);
    // Cut short: found in the container, before the decoder runs.
    await fs.writeFile(path.join(card, 'cut.heif'), heif.subarray(0, 3000));
    expect((await runCli(['new', path.join(root, 'p')])).code).toBe(0);
    const r = await runCli(['import', path.join(root, 'p'), card, '--json', '--quiet']);
    expect(r.code).toBe(0);
    const failed = (JSON.parse(r.stdout) as { imported: number; failed: { path: string; code: string }[] }).failed;
    expect(Object.fromEntries(failed.map((f) => [path.basename(f.path), f.code]))).toEqual({
      'broken.heif': 'CORRUPT',
      'cut.heif': 'DAMAGED',
    });
    expect(r.stderr).toMatch(/Could not parse HEIF file/);
  });
});
