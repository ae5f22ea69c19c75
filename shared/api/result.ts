import type { AppErrorShape } from '../errors';

/** What crosses every process boundary: Electron keeps only `message` from thrown errors, so we send data. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppErrorShape): Result<never> => ({ ok: false, error });
