/**
 * stdout carries only what a command prints on purpose (JSON for scripts). Anything a library prints there
 * (the HEIF decoder logs to console.log when a file is damaged) is sent to stderr instead.
 */
const stdoutWrite = process.stdout.write.bind(process.stdout);
let guarded = false;

export function guardStdout(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
}

/** Writes a command's own output to the real stdout. */
export function out(text: string): void {
  stdoutWrite(text);
}

/**
 * Resolves once everything written to stdout has left the process. A pipe takes writes asynchronously: exiting
 * straight after a large answer would cut it at the pipe's buffer (64 KB), so a script would read half a JSON.
 */
export function flushOut(): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.destroyed || !process.stdout.writable) return resolve();
    stdoutWrite('', () => resolve());
  });
}
