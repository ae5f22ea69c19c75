// Electron fuses, flipped in the packaged binary (electron-builder's afterPack hook, see electron-builder.yml,
// or by hand: node scripts/fuses.js <path to the packaged Electron executable>). They switch off what an app
// like ours never uses and an attacker would: running the binary as plain Node, NODE_OPTIONS and --inspect, and
// loading app code from anywhere but the signed asar.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';

export const FUSES = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

export function setFuses(electronBinary) {
  return flipFuses(electronBinary, { ...FUSES, resetAdHocDarwinSignature: process.platform === 'darwin' });
}

/** electron-builder's afterPack hook: the packaged executable sits in appOutDir under the product name. */
export default async function afterPack(context) {
  const name = context.packager.appInfo.productFilename;
  const exe =
    context.electronPlatformName === 'darwin'
      ? path.join(context.appOutDir, `${name}.app`, 'Contents', 'MacOS', name)
      : path.join(
          context.appOutDir,
          context.electronPlatformName === 'win32' ? `${name}.exe` : context.packager.executableName,
        );
  await setFuses(exe);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!process.argv[2]) {
    process.stderr.write('usage: node scripts/fuses.js <path to the packaged Electron executable>\n');
    process.exit(2);
  }
  await setFuses(path.resolve(process.argv[2]));
  process.stdout.write(`fuses set in ${process.argv[2]}\n`);
}
