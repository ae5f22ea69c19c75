import { execFileSync } from 'node:child_process';

/** Is an external program installed (answers its version flag)? Tests that need one are skipped, not passed, without it. */
function installed(command: string, versionFlag: string): boolean {
  try {
    execFileSync(command, [versionFlag], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** exiftool, the reference reader (Debian: libimage-exiftool-perl). */
export const hasExiftool = installed('exiftool', '-ver');
/** pdftotext (Debian: poppler-utils). */
export const hasPdftotext = installed('pdftotext', '-v');
