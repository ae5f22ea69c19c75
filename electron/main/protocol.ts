import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { MEDIA_KINDS, type MediaKind } from '../../shared/model/photo';
import { MEDIA_SCHEME } from './security';

/** Must run before app 'ready': our media scheme behaves like https for fetch, CSP and caching. */
export function registerMediaScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** Serves `cl-media://media/<kind>/<id>` from the open project's cache; nothing outside it, no image bytes over IPC. */
export function handleMediaScheme(
  mediaFile: (id: string, kind: MediaKind) => string | undefined,
  mediaRoot: () => string | undefined,
  kioskMay?: (kind: MediaKind, id: string) => boolean,
): void {
  protocol.handle(MEDIA_SCHEME, async (request) => {
    const url = new URL(request.url);
    const [, kind, id] = url.pathname.split('/');
    const root = mediaRoot();
    // The kiosk shows only photos everyone in agreed to, and their labels, as consent stands at this request.
    if (kioskMay && !(MEDIA_KINDS.includes(kind as MediaKind) && kioskMay(kind as MediaKind, id ?? '')))
      return new Response('not found', { status: 404 });
    const file =
      MEDIA_KINDS.includes(kind as MediaKind) && /^[0-9a-f]{12,64}$/.test(id ?? '')
        ? mediaFile(id!, kind as MediaKind)
        : undefined;
    const rel = file && root ? path.relative(root, file) : '..';
    if (!file || rel.startsWith('..') || path.isAbsolute(rel)) return new Response('not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
}
