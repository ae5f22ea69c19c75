import type { ApiMethod, AppEventName, AppEvents } from '@shared/api/contract';
import type { Result } from '@shared/api/result';
import type { MediaKind } from '@shared/model/photo';

/** How the renderer reaches the API: Electron's preload bridge, or the browser host over HTTP. */
export interface Transport {
  kind: 'ipc' | 'http';
  invoke(method: ApiMethod, request: unknown): Promise<Result<unknown>>;
  on<K extends AppEventName>(event: K, listener: (payload: AppEvents[K]) => void): () => void;
  mediaUrl(kind: MediaKind, id: string, version: string): string;
}

interface PreloadBridge {
  invoke(method: ApiMethod, request: unknown): Promise<Result<unknown>>;
  on(event: AppEventName, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    api?: PreloadBridge;
  }
}

function ipcTransport(bridge: PreloadBridge): Transport {
  return {
    kind: 'ipc',
    invoke: (method, request) => bridge.invoke(method, request),
    on: (event, listener) => bridge.on(event, listener as (p: unknown) => void),
    mediaUrl: (kind, id, version) => `cl-media://media/${kind}/${id}?v=${encodeURIComponent(version)}`,
  };
}

function httpTransport(token: string): Transport {
  let source: EventSource | null = null;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const ensureSource = () => {
    if (source) return;
    // EventSource cannot send headers: the HttpOnly cookie set at start-up authenticates it.
    source = new EventSource('/events');
  };
  return {
    kind: 'http',
    async invoke(method, request) {
      let res: Response;
      try {
        res = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(request ?? {}),
        });
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: 'NETWORK' } };
      }
      try {
        return (await res.json()) as Result<unknown>;
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: `HTTP ${res.status}` } };
      }
    },
    on(event, listener) {
      ensureSource();
      const set = listeners.get(event) ?? new Set();
      if (!listeners.has(event)) {
        listeners.set(event, set);
        source!.addEventListener(event, (e) => {
          const payload = JSON.parse((e as MessageEvent).data);
          for (const l of set) l(payload);
        });
      }
      const l = listener as (p: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
    mediaUrl: (kind, id, version) => `/media/${kind}/${id}?v=${encodeURIComponent(version)}`,
  };
}

/** Chosen once at start-up: IPC when the preload bridge exists, HTTP otherwise. */
export function detectTransport(): Transport {
  if (window.api) return ipcTransport(window.api);
  const token = document.querySelector<HTMLMetaElement>('meta[name="cl-token"]')?.content ?? '';
  return httpTransport(token);
}
