import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/messages';
import type { ProjectSession } from './project-session';

/** What a path is wanted for: writing places (a project, an export) are held to a stricter rule than reading. */
export type PathPurpose = 'project' | 'import' | 'spreadsheet' | 'export' | 'image';

/** The user's paths, as the API guard sees them. The CLI trusts its arguments; the windows grant by choosing. */
export interface PathGuard {
  /** the absolute path if the caller may use it for `purpose`, else a FORBIDDEN error */
  check(p: string, purpose: PathPurpose): Promise<string>;
  /** records paths the user picked in the running app (a native dialog, the folder browser) */
  grant(paths: string[], purpose: PathPurpose): string[];
}

const UNIX_SYSTEM = [
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/lib32',
  '/lib64',
  '/libx32',
  '/proc',
  '/run',
  '/sbin',
  '/sys',
  '/usr',
  '/var',
  '/snap',
  '/System',
  '/Library',
  '/Applications',
  '/private',
  '/cores',
];
/** Places nobody imports photos from; reading them through the API is refused even when "chosen". */
const NEVER_READ = ['/dev', '/proc', '/sys'];

function inside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The file-system root, or a folder of the operating system: never a place for a project or an export. */
export function isSystemPlace(p: string): boolean {
  const abs = path.resolve(p);
  if (path.parse(abs).root === abs) return true;
  if (process.platform === 'win32') {
    const win = [
      process.env.SystemRoot ?? 'C:\\Windows',
      process.env.ProgramFiles ?? 'C:\\Program Files',
      process.env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)',
      process.env.ProgramData ?? 'C:\\ProgramData',
    ];
    return win.some((w) => inside(abs.toLowerCase(), w.toLowerCase()));
  }
  // A home or temp folder under a system folder (/var/lib/someone, macOS's /var/folders) is still the user's own.
  if (inside(abs, os.homedir()) || inside(abs, os.tmpdir())) return false;
  return UNIX_SYSTEM.some((s) => inside(abs, s));
}

/**
 * The API's rule for paths from a window: a path is used only inside the open project, a project opened
 * before, or a place the user picked in the running app (a native dialog, the folder browser). A page or
 * script holding the token cannot make the host read or write elsewhere by naming a path; and no project or
 * export is ever created at the file-system root or inside the operating system's folders.
 */
export class AccessService implements PathGuard {
  private readonly granted = new Set<string>();

  constructor(private readonly deps: { session: ProjectSession; recentDirs: () => Promise<string[]> }) {}

  grant(paths: string[], purpose: PathPurpose): string[] {
    return paths.map((p) => {
      const abs = path.resolve(p);
      this.refuseSystem(abs, purpose);
      this.granted.add(abs);
      return abs;
    });
  }

  async check(p: string, purpose: PathPurpose): Promise<string> {
    const abs = path.resolve(p);
    this.refuseSystem(abs, purpose);
    const roots = [...this.granted];
    const project = this.deps.session.current?.dir;
    if (project) roots.push(project);
    if (roots.some((r) => inside(abs, r))) return abs;
    if (purpose === 'project' && (await this.deps.recentDirs()).some((d) => path.resolve(d) === abs)) return abs;
    throw new AppError('FORBIDDEN', msg('access.notChosen', { path: abs }), { path: abs });
  }

  private refuseSystem(abs: string, purpose: PathPurpose) {
    const writes = purpose === 'project' || purpose === 'export';
    if (writes ? isSystemPlace(abs) : NEVER_READ.some((s) => inside(abs, s)))
      throw new AppError('FORBIDDEN', msg(writes ? 'access.systemPlace' : 'access.neverRead', { path: abs }), {
        path: abs,
      });
  }
}

/** The CLI's guard: the user typed the paths on the command line, so they are theirs; system places stay refused for writing. */
export class TrustingGuard implements PathGuard {
  async check(p: string, purpose: PathPurpose): Promise<string> {
    const abs = path.resolve(p);
    if ((purpose === 'project' || purpose === 'export') && isSystemPlace(abs))
      throw new AppError('FORBIDDEN', msg('access.systemPlace', { path: abs }), { path: abs });
    return abs;
  }

  grant(paths: string[]): string[] {
    return paths.map((p) => path.resolve(p));
  }
}
