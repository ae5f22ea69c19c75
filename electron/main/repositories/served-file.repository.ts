import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

// What the browser host serves from disk (cached images, the built renderer). The host checks the path is inside
// its root before asking; here a missing file, a folder or an unreadable file is simply "nothing to serve".

/** The size of a regular file, or null when there is none at that path. */
export async function regularFileSize(file: string): Promise<number | null> {
  const stat = await fs.stat(file).catch(() => null);
  return stat?.isFile() ? stat.size : null;
}

/** A regular file's bytes, or null when there is none at that path or it cannot be read. */
export async function readRegularFile(file: string): Promise<Buffer | null> {
  return (await regularFileSize(file)) === null ? null : await fs.readFile(file).catch(() => null);
}

/** Streams a file into a response; rejects when the file vanishes midway (a re-render) or the reader leaves. */
export function streamFile(file: string, to: Writable): Promise<void> {
  return pipeline(createReadStream(file), to);
}
