/**
 * Where an export may write: never among what the project reads. A gallery written into a camera folder would
 * come back as photos at the next import; one written into the project's cache or originals would overwrite it.
 * Paths here are absolute, with symbolic links already resolved (a link into originals/ is originals/).
 */
export type OutPlaceProblem =
  /** the project folder itself, or inside it outside exports/ (originals/, cache/, the catalog) */
  | { kind: 'project'; dir: string }
  /** a folder photos were imported from, or one inside it or holding it */
  | { kind: 'originals'; dir: string };

function inside(child: string, parent: string, sep: string): boolean {
  if (child === parent) return true;
  return child.startsWith(parent.endsWith(sep) ? parent : parent + sep);
}

/**
 * Why `out` may not take an export, or null when it may. `originals` are the folders the project's photos (and
 * their RAW files and sidecars) live in. Sidecars (XMP) are meant to sit beside the photos: `sidecars` allows
 * those folders, never the project's own.
 */
export function outPlaceProblem(
  out: string,
  project: string,
  originals: Iterable<string>,
  opts: { sep?: string; sidecars?: boolean } = {},
): OutPlaceProblem | null {
  const sep = opts.sep ?? '/';
  const exports = `${project.endsWith(sep) ? project : project + sep}exports`;
  if (inside(out, project, sep) && !inside(out, exports, sep)) return { kind: 'project', dir: project };
  if (opts.sidecars) return null;
  for (const dir of originals) if (inside(out, dir, sep) || inside(dir, out, sep)) return { kind: 'originals', dir };
  return null;
}
