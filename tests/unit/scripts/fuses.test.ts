import fs from 'node:fs/promises';
import path from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { setFuses } from '../../../scripts/fuses.js';
import { tempDir } from '../../helpers/factories';

/** Electron's binaries carry a fuse wire after this sentinel: version, length, then one byte per fuse. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

describe('Electron fuses at packaging', () => {
  it('switch off running as Node, NODE_OPTIONS and --inspect, and load the app from the asar only', async () => {
    // A stand-in binary with Electron's default wire (every fuse as Electron ships it), since the real one cannot be downloaded here.
    const exe = path.join(await tempDir(), 'electron');
    await fs.writeFile(
      exe,
      Buffer.concat([
        Buffer.alloc(64, 7),
        Buffer.from(SENTINEL),
        Buffer.from([1, 8]),
        Buffer.from('11110010'),
        Buffer.alloc(64, 7),
      ]),
    );
    await setFuses(exe);
    const wire = await getCurrentFuseWire(exe);
    const on = (f: FuseV1Options) => wire[f] === '1'.charCodeAt(0);
    expect(on(FuseV1Options.RunAsNode)).toBe(false);
    expect(on(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(false);
    expect(on(FuseV1Options.EnableNodeCliInspectArguments)).toBe(false);
    expect(on(FuseV1Options.EnableCookieEncryption)).toBe(true);
    expect(on(FuseV1Options.OnlyLoadAppFromAsar)).toBe(true);
    expect(on(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(true);
  });
});
