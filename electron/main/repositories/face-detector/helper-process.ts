import { fork } from 'node:child_process';
import fs from 'node:fs';

/** A started helper as this class needs it: a Node child process, or Electron's utility process in the app. */
export interface HelperChild {
  readonly pid: number | undefined;
  /** what it says when it fails to start (the last lines are kept for the error) */
  readonly stderr: { on(event: 'data', fn: (b: Buffer) => void): unknown } | null;
  send(message: unknown): void;
  kill(): void;
  on(event: 'message', fn: (m: Record<string, unknown>) => void): void;
  on(event: 'exit', fn: (code: number | null, signal: string | null) => void): void;
}
export type LaunchHelper = (script: string, args: string[], env: NodeJS.ProcessEnv) => HelperChild;

/**
 * A plain Node child process. Electron's own binary runs it as Node (ELECTRON_RUN_AS_NODE) in development; a
 * packaged app turns that fuse off and launches with Electron's utility process instead (main/utility-helper.ts).
 */
export const launchNodeHelper: LaunchHelper = (script, args, env) => {
  const child = fork(script, args, {
    env: { ...env, ELECTRON_RUN_AS_NODE: '1' },
    execArgv: [],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  // HelperProcess never writes to a helper it has seen end; `connected` covers the moment before it hears so.
  return {
    get pid() {
      return child.pid;
    },
    stderr: child.stderr,
    send: (m) => {
      if (child.connected) child.send(m as never);
    },
    kill: () => child.kill(),
    on: (event: 'message' | 'exit', fn: (...a: never[]) => void) => void child.on(event, fn as never),
  };
};

/** What a helper answers for one request: its own fields, and whether it could do it. */
export type HelperReply = { id: number; ok: boolean } & Record<string, unknown>;

/** A helper that cannot start (its model missing): every request waiting on it is refused with this. */
export class HelperFailure extends Error {
  constructor(
    readonly code: string,
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

interface Pending {
  id: number;
  message: Record<string, unknown>;
  resolve: (r: HelperReply) => void;
  reject: (e: unknown) => void;
}

/**
 * One helper process answering one request at a time, in order: started on the first request, started again if
 * it dies (the request it was on is answered as failed), ended by `close`. Its peak memory is read from /proc.
 */
export class HelperProcess {
  private child: HelperChild | null = null;
  /** helpers that have ended */
  private readonly gone = new WeakSet<HelperChild>();
  private ready = false;
  private queue: Pending[] = [];
  private busy: Pending | null = null;
  private failure: HelperFailure | null = null;
  private next = 1;
  private peakBytes = 0;
  /** what the helper said it runs (its model) */
  model = '';

  constructor(
    private readonly script: string,
    private readonly args: string[],
    private readonly env: NodeJS.ProcessEnv,
    private readonly launch: LaunchHelper = launchNodeHelper,
  ) {}

  request(message: Record<string, unknown>): Promise<HelperReply> {
    if (this.failure) return Promise.reject(this.failure);
    if (!this.child) this.spawn();
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.next++, message, resolve, reject });
      this.pump();
    });
  }

  /**
   * The largest resident memory it reached (bytes; 0 where there is no /proc). The kernel keeps the high-water mark,
   * so it is read only when asked and before the helper ends.
   */
  peak(): number {
    this.notePeak();
    return this.peakBytes;
  }

  async close(): Promise<void> {
    const child = this.child;
    this.notePeak();
    this.child = null;
    this.ready = false;
    this.failure = null;
    if (!child || this.gone.has(child)) return;
    await new Promise<void>((resolve) => {
      child.on('exit', () => resolve());
      child.kill();
    });
  }

  private spawn() {
    const child = this.launch(this.script, this.args, this.env);
    this.child = child;
    this.ready = false;
    let stderr = '';
    child.stderr?.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-2000)));
    child.on('message', (m: Record<string, unknown>) => {
      if (m.type === 'ready') {
        this.model = String(m.model);
        this.ready = true;
        this.pump();
      } else if (m.type === 'fatal') {
        this.fail(new HelperFailure(String(m.code), String(m.file), String(m.reason)));
      } else if (this.busy && m.id === this.busy.id) {
        const job = this.busy;
        this.busy = null;
        job.resolve(m as HelperReply);
        this.pump();
      }
    });
    child.on('exit', (code, signal) => {
      this.gone.add(child);
      if (this.child !== child) return; // closed on purpose
      this.child = null;
      // The photo it was on is answered as failed; the others go to a fresh helper.
      const job = this.busy;
      this.busy = null;
      job?.resolve({
        id: job.id,
        ok: false,
        code: 'DECODE',
        reason:
          `the face helper stopped (${signal ?? `exit ${code}`}) ${stderr.trim().split('\n').at(-1) ?? ''}`.trim(),
      });
      if (!this.failure && this.queue.length) this.spawn();
    });
  }

  private pump() {
    const child = this.child;
    if (!child || !this.ready || this.busy || !this.queue.length || this.gone.has(child)) return;
    const job = this.queue.shift()!;
    this.busy = job;
    child.send({ ...job.message, id: job.id });
  }

  private fail(err: HelperFailure) {
    this.failure = err;
    for (const job of [...(this.busy ? [this.busy] : []), ...this.queue.splice(0)]) job.reject(err);
    this.busy = null;
    this.child?.kill();
  }

  private notePeak() {
    const pid = this.child?.pid;
    if (!pid) return;
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) this.peakBytes = Math.max(this.peakBytes, Number(m[1]) * 1024);
    } catch {
      // not Linux, or the process is gone: the last figure stands
    }
  }
}
