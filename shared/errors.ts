import { formatMessage, type Message, type MessageKey, type MessageParams } from './i18n/messages';

/** Every failure the app reports carries one of these codes, so the UI and the CLI can react by kind. */
export const ERROR_CODES = [
  'VALIDATION', // a request or a form value is wrong
  'NOT_FOUND', // a path, project or record does not exist
  'CONFLICT', // the thing exists already / the state forbids it
  'FORBIDDEN', // a place the user did not choose, a foreign origin, a read-only caller, a path the OS does not let us use
  'READ_ONLY', // the project is open for writing in another window or process
  'IO', // the file system refused (permission, disk full)
  'UNSUPPORTED', // a format or version we do not handle
  'CORRUPT', // a file that claims a format but cannot be read as one
  'DAMAGED', // a photo whose picture is cut short (truncated) or broken part-way: a decoder would paint the rest grey or green
  'EMPTY', // a zero-byte file
  'TOO_LARGE', // over the pixel limit (decompression bomb guard), or a file over its size limit
  'NO_PREVIEW', // a RAW file without an embedded preview large enough to stand for the photo
  'CANCELLED',
  'NO_PROJECT', // a call that needs an open project
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * What crosses a boundary. `message` is in English (logs, scripts); `key` and `params` let each shell say it in
 * its user's language. Errors without a key (a schema's complaint about a malformed request) are for developers.
 */
export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  key?: MessageKey;
  params?: MessageParams;
  details?: unknown;
}

export class AppError extends Error implements AppErrorShape {
  readonly key?: MessageKey;
  readonly params?: MessageParams;

  constructor(
    public readonly code: ErrorCode,
    message: string | Message,
    public readonly details?: unknown,
  ) {
    super(typeof message === 'string' ? message : formatMessage(message, 'en'));
    if (typeof message !== 'string') {
      this.key = message.key;
      this.params = message.params;
    }
    this.name = 'AppError';
  }

  toJSON(): AppErrorShape {
    const shape: AppErrorShape = { code: this.code, message: this.message };
    if (this.key) shape.key = this.key;
    if (this.params) shape.params = this.params;
    if (this.details !== undefined) shape.details = this.details;
    return shape;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
