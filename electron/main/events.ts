import type { AppEventName, AppEvents } from '../../shared/api/contract';

export type EventListener = <K extends AppEventName>(name: K, payload: AppEvents[K]) => void;

/** Fan-out of AppEvents to whoever serves them: the IPC layer, the browser host's SSE clients, the CLI. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<K extends AppEventName>(name: K, payload: AppEvents[K]): void {
    for (const l of this.listeners) {
      try {
        l(name, payload);
      } catch {
        /* one broken listener must not stop an import */
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
