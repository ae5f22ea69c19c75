import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { promisify } from 'node:util';

export const CLI = path.resolve(import.meta.dirname, '../../bin/chasing-light.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `chasing-light …` as a user would; resolves with the exit code instead of throwing. */
export async function runCli(args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], {
      maxBuffer: 1 << 24,
      env: opts.env ?? process.env,
      cwd: opts.cwd,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** `chasing-light serve <dir> [args]` in its own process; resolves once it has printed its address (with --kiosk, the kiosk's token). */
export async function serveCli(
  dir: string,
  env: NodeJS.ProcessEnv = process.env,
  args: string[] = [],
): Promise<{ child: ChildProcess; url: URL; token: string; port: number }> {
  const child = spawn(process.execPath, [CLI, 'serve', dir, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr!.resume();
  const line = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code} before printing its address`)));
  });
  const url = new URL(line);
  return { child, url, token: url.searchParams.get('token')!, port: Number(url.port) };
}

/** Calls the API of a running `serve` as the browser UI does. */
export async function callHost(host: { port: number; token: string }, method: string, request: unknown) {
  const res = await fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
  });
  return res.json() as Promise<{
    ok: boolean;
    value?: unknown;
    error?: { code: string; key?: string; message: string };
  }>;
}

/** The HTTP status of a media file of a running `serve`, fetched with its token (the app's or the kiosk's). */
export async function mediaStatus(host: { port: number; token: string }, kind: string, id: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${host.port}/media/${kind}/${id}`, {
    headers: { Authorization: `Bearer ${host.token}` },
  });
  await res.arrayBuffer();
  return res.status;
}

export const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
  );
