import path from 'node:path';

/** What a window may show: the bundled renderer file, or (only under `npm run dev`) the dev server's origin. */
export interface RendererSource {
  rendererUrl: string | null;
  rendererFile: string;
}

/** Sites the app may hand to the user's browser (the sample photos' credits link there). Anything else stays closed. */
export const EXTERNAL_HOSTS = ['github.com', 'www.github.com'];

/**
 * The dev server's address, only when electron-vite's dev command started us (it sets both variables) and the
 * app is not packaged, and only on this machine. A packaged or built app always loads its own files.
 */
export function devRendererUrl(env: NodeJS.ProcessEnv, packaged: boolean, devBuild: boolean): string | null {
  if (packaged || !devBuild || env.NODE_ENV_ELECTRON_VITE !== 'development') return null;
  const raw = env.ELECTRON_RENDERER_URL;
  if (!raw) return null;
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname) ? u.origin : null;
  } catch {
    return null;
  }
}

/** Is this URL our own renderer? The dev server by exact origin (never a prefix: localhost:5173.evil.example); else our one file. */
export function isAppUrl(url: string, src: RendererSource): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (src.rendererUrl) return u.origin === new URL(src.rendererUrl).origin;
  return u.protocol === 'file:' && path.normalize(decodeURIComponent(u.pathname)) === path.normalize(src.rendererFile);
}

/** May this link open in the user's browser? https, on an allow-listed host, nothing else (no file:, no custom schemes). */
export function mayOpenExternally(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && !u.username && !u.password && EXTERNAL_HOSTS.includes(u.hostname);
  } catch {
    return false;
  }
}
