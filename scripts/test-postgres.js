// A throwaway PostgreSQL cluster for the tests and the catalog bench: Debian's initdb and pg_ctl, run as a non-root
// user in a temporary folder, listening on 127.0.0.1 only, with a password for its superuser (so a wrong password
// can be tried). `.ci/run` starts one and hands its URL to the tests; the test setup starts one itself when no URL
// is given and PostgreSQL is installed. Never a server of our own: this is the one Debian ships.
//
//   node scripts/test-postgres.js start   prints {"url": "postgres://…", "dir": "/tmp/…"}
//   node scripts/test-postgres.js stop <dir>
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Where initdb is: Debian keeps it off PATH, one folder per major version (the newest wins). */
export function postgresBin() {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length) return path.join(root, versions[0], 'bin');
  for (const dir of (process.env.PATH ?? '').split(path.delimiter))
    if (dir && fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl'))) return dir;
  return null;
}

/** initdb refuses to run as root: there the cluster belongs to the `postgres` user Debian's package creates. */
function asClusterUser(bin, args, opts = {}) {
  const root = process.getuid?.() === 0;
  const [cmd, argv] = root ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a cluster; answers its URL (superuser with a password, over TCP on 127.0.0.1) and its folder. */
export async function startCluster() {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (Debian: postgresql): initdb was not found');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cl-postgres-'));
  const password = crypto.randomBytes(12).toString('hex');
  fs.writeFileSync(path.join(dir, 'pw'), password);
  if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres:', dir]);
  fs.chmodSync(dir, 0o700);
  const data = path.join(dir, 'data');
  asClusterUser(path.join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--pwfile',
    path.join(dir, 'pw'),
    '--auth-host=scram-sha-256',
    '--auth-local=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  const port = await freePort();
  // fsync off: a throwaway cluster for tests; the durability under test is PostgreSQL's own contract, not the disk's.
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${dir} -c fsync=off -c max_connections=200`;
  asClusterUser(path.join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`, dir };
}

export function stopCluster(dir) {
  const bin = postgresBin();
  try {
    if (bin) asClusterUser(path.join(bin, 'pg_ctl'), ['-D', path.join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const [command, dir] = process.argv.slice(2);
  if (command === 'start') process.stdout.write(`${JSON.stringify(await startCluster())}\n`);
  else if (command === 'stop' && dir) stopCluster(dir);
  else {
    process.stderr.write('usage: node scripts/test-postgres.js start | stop <dir>\n');
    process.exit(2);
  }
}
