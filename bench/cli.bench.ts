// npm run bench:cli — how long the chasing-light command takes to start, as scripts that call it once per photo
// feel it: `--help` and `photos --json` on the 37 shared camera files, the built CLI against the same command run
// from TypeScript source and against a bare `node` start, all in this run. Goals: --help ≤ 0.3 s, photos ≤ 0.5 s.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'bin', 'chasing-light.js');
const photos = path.resolve(root, '../shared/photos');
const RUNS = 9;

const work = await fs.mkdtemp(path.join(os.tmpdir(), 'cl-bench-cli-'));
const project = path.join(work, 'project');
const env = { ...process.env, CHASING_LIGHT_HOME: path.join(work, 'home') };
const must = (args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
};
spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'ignore' });
must(['new', project]);
must(['import', project, photos, '--quiet', '--json']);

/** Median wall time of a command over RUNS runs (after one warm-up), in seconds. */
function time(args: string[], extraEnv: NodeJS.ProcessEnv = {}): number {
  const runs: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { env: { ...env, ...extraEnv }, stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
    if (i > 0) runs.push((performance.now() - t0) / 1000);
  }
  return Number(runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)]!.toFixed(3));
}

const node = time(['-e', '']);
const result = {
  runs: RUNS,
  baseline: { bareNodeSeconds: node },
  help: { built: time([cli, '--help']), fromSource: time([cli, '--help'], { CHASING_LIGHT_FROM_SOURCE: '1' }) },
  photosJson: {
    built: time([cli, 'photos', project, '--json']),
    fromSource: time([cli, 'photos', project, '--json'], { CHASING_LIGHT_FROM_SOURCE: '1' }),
  },
};
await fs.rm(work, { recursive: true, force: true });
process.stdout.write(
  JSON.stringify({
    ...result,
    helpRatioToBareNode: Number((result.help.built / node).toFixed(2)),
    photosRatioToBareNode: Number((result.photosJson.built / node).toFixed(2)),
    goalsMet: result.help.built <= 0.3 && result.photosJson.built <= 0.5,
  }) + '\n',
);
