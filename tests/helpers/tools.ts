import { execFileSync } from 'node:child_process';
import type { TestContext } from 'vitest';

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
/** pdffonts, which lists a PDF's fonts and whether each is embedded and subset (Debian: poppler-utils). */
export const hasPdffonts = installed('pdffonts', '-v');

/**
 * CI installs every tool these tests use (.ci/run sets CHASING_LIGHT_CI=1): there a test that would be skipped for
 * want of one fails instead, for a skipped check (a privacy check, a print check) is no check.
 */
export const toolsRequired = process.env.CHASING_LIGHT_CI === '1';

/** For `it.skipIf(...)`: skip without the tool, except in CI, where the test runs (and fails, naming what is missing). */
export const lacks = (has: boolean) => !has && !toolsRequired;

/**
 * Midway through a test, the checks that need a tool: skipped with the reason when it is missing here (reported
 * as skipped, never as passed), and failed in CI.
 */
export function needTool(ctx: TestContext, has: boolean, tool: string, debianPackage: string): void {
  if (!has && toolsRequired) throw new Error(`${tool} is not installed (Debian: ${debianPackage}); CI must have it`);
  if (!has)
    ctx.skip(
      `${tool} is not installed here (Debian: ${debianPackage}): the checks that read the files with it were not run`,
    );
}
