import { describe, expect, it } from 'vitest';
import { prefetcher } from '../../../../../electron/main/services/prefetch';

describe('prefetcher', () => {
  it('makes results a few ahead of the one asked for, never more than `concurrency` at once, each handed out once', async () => {
    const keys = Array.from({ length: 10 }, (_, i) => `k${i}`);
    let running = 0;
    let most = 0;
    const made: string[] = [];
    const get = prefetcher(
      keys,
      async (k) => {
        running++;
        most = Math.max(most, running);
        made.push(k);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        return k.toUpperCase();
      },
      2,
      3,
    );
    expect(await get('k0')).toBe('K0');
    // Asked for k0: k1…k3 are on their way (two at a time), nothing further.
    await new Promise((r) => setTimeout(r, 40));
    expect([...made].sort()).toEqual(['k0', 'k1', 'k2', 'k3']);
    const rest = [];
    for (const k of keys.slice(1)) rest.push(await get(k));
    expect(rest).toEqual(keys.slice(1).map((k) => k.toUpperCase()));
    expect(most).toBe(2);
    // Handed out once: asking again makes it again rather than keeping every result in memory.
    expect(await get('k0')).toBe('K0');
    expect(made.filter((k) => k === 'k0')).toHaveLength(2);
  });

  it('passes a failure to the one who asks, and a failure made ahead and never asked for is not unhandled', async () => {
    const get = prefetcher(
      ['a', 'b', 'c'],
      async (k) => (k === 'a' ? 'ok' : Promise.reject(new Error(`no ${k}`))),
      1,
      2,
    );
    expect(await get('a')).toBe('ok');
    await expect(get('b')).rejects.toThrow('no b');
  });
});
