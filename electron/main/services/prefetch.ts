/**
 * Hands out results made in a known order, a few made ahead of the one asked for and at most `concurrency` at
 * once: the catalogue's photos are resized on both cores while the PDF takes them one by one, and no more than
 * `ahead` of them wait in memory. Each result is handed out once, then forgotten.
 */
export function prefetcher<T>(
  keys: string[],
  make: (key: string) => Promise<T>,
  concurrency: number,
  ahead: number,
): (key: string) => Promise<T> {
  const position = new Map(keys.map((k, i) => [k, i]));
  const started = new Map<string, Promise<T>>();
  const waiting: (() => void)[] = [];
  let running = 0;
  let next = 0;
  const run = async (key: string): Promise<T> => {
    while (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await make(key);
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
  const start = (key: string) => {
    const p = run(key);
    // A result made ahead and never asked for (the export stopped) must not end the process as unhandled.
    p.catch(() => undefined);
    started.set(key, p);
  };
  return (key) => {
    const at = position.get(key) ?? -1;
    for (; next < keys.length && next <= at + ahead; next++) if (!started.has(keys[next]!)) start(keys[next]!);
    const p = started.get(key) ?? run(key);
    started.delete(key);
    return p;
  };
}
