/** Every failure the app reports carries one of these codes, so the UI and the CLI can react by kind. */
export const ERROR_CODES = [
  'VALIDATION', // a request or a form value is wrong
  'NOT_FOUND', // a path, project or record does not exist
  'CONFLICT', // the thing exists already / the state forbids it
  'IO', // the file system refused (permission, disk full)
  'UNSUPPORTED', // a format or version we do not handle
  'CORRUPT', // a file that claims a format but cannot be read as one
  'EMPTY', // a zero-byte file
  'TOO_LARGE', // over the pixel limit (decompression bomb guard)
  'CANCELLED',
  'NO_PROJECT', // a call that needs an open project
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export class AppError extends Error implements AppErrorShape {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toJSON(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
