import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';

/** Write to a temporary name, then rename: a crash never leaves a half file under the real name. */
export async function writeFileAtomic(target: string, data: Buffer | string): Promise<void> {
  const tmp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
}
