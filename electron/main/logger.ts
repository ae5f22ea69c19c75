/** A logger whose context is the class that logs. Writes to stderr: stdout belongs to the CLI's JSON. */
export interface Logger {
  info(msg: string, extra?: unknown): void;
  warn(msg: string, extra?: unknown): void;
  error(msg: string, extra?: unknown): void;
}

const LEVELS = { silent: 0, error: 1, warn: 2, info: 3 } as const;
type Level = keyof typeof LEVELS;

export function createLogger(context: string): Logger {
  const threshold = LEVELS[(process.env.CHASING_LIGHT_LOG as Level) ?? 'warn'] ?? LEVELS.warn;
  const write = (level: Level, msg: string, extra?: unknown) => {
    if (LEVELS[level] > threshold) return;
    const tail =
      extra === undefined
        ? ''
        : ' ' + (extra instanceof Error ? (extra.stack ?? extra.message) : JSON.stringify(extra));
    process.stderr.write(`[${level}] ${context}: ${msg}${tail}\n`);
  };
  return {
    info: (m, e) => write('info', m, e),
    warn: (m, e) => write('warn', m, e),
    error: (m, e) => write('error', m, e),
  };
}
