import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';

/** Temporary names carry the process and a random part: two processes (or two writes) never share one. */
export const TEMP_SUFFIX = /\.\d+\.[0-9a-f]{8}\.tmp$/;

/** The process that wrote a temporary file, from its name; null for a name that is not one of ours. */
export function tempWriter(name: string): number | null {
  const m = /\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name);
  return m ? Number(m[1]) : null;
}

/**
 * Write to a temporary name, flush it to the disk, then rename: a crash or a power cut never leaves a half file
 * under the real name. `durable` (the catalog) syncs before the rename; caches and renders skip the sync.
 */
export async function writeFileAtomic(target: string, data: Buffer | string, durable = false): Promise<void> {
  const tmp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    if (durable) {
      const handle = await fs.open(tmp, 'w');
      try {
        await handle.writeFile(data);
        await handle.datasync();
      } finally {
        await handle.close();
      }
    } else await fs.writeFile(tmp, data);
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
}

/** Like writeFileAtomic, for a file produced in chunks (a large PDF): written as they come, renamed when whole. */
export async function writeChunksAtomic(target: string, chunks: AsyncIterable<Uint8Array>): Promise<number> {
  const tmp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  let size = 0;
  try {
    const handle = await fs.open(tmp, 'w');
    try {
      for await (const chunk of chunks) {
        await handle.write(chunk);
        size += chunk.length;
      }
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, target);
    return size;
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
}
