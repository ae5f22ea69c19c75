/**
 * Paths as the catalog keeps them. Almost always a plain string. A file whose name is not valid UTF-8 (a card
 * written by an old camera or a GBK system) cannot be named by a JS string without losing bytes, so its path is
 * kept as a token: a NUL (which no real path holds) and the path's bytes in base64. The repositories turn tokens
 * back into bytes for the file system; people are shown the name with the unreadable bytes replaced.
 */
const PREFIX = '\u0000raw:';

export function isRawPathToken(p: string): boolean {
  return p.startsWith(PREFIX);
}

export function rawPathToken(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return PREFIX + btoa(bin);
}

export function rawPathBytes(token: string): Uint8Array {
  const bin = atob(token.slice(PREFIX.length));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The path for people: a token's bytes read as UTF-8, each unreadable byte shown as �. */
export function displayPath(p: string): string {
  return isRawPathToken(p) ? new TextDecoder('utf-8', { fatal: false }).decode(rawPathBytes(p)) : p;
}

/** The last part of a path (either separator), for people. */
export function displayName(p: string): string {
  const shown = displayPath(p);
  const cut = Math.max(shown.lastIndexOf('/'), shown.lastIndexOf('\\'));
  return cut >= 0 ? shown.slice(cut + 1) : shown;
}
