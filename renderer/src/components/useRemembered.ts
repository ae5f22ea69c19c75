import { useCallback, useState } from 'react';

/**
 * A choice that outlives its view (the template picked in 礼物 stays picked after a visit to 图库), for this
 * window's session. Kept in sessionStorage: nothing here belongs in the project file.
 */
export function useRemembered(key: string, fallback: string): [string, (value: string) => void] {
  const storageKey = `chasing-light:${key}`;
  const [value, setValue] = useState(() => {
    try {
      return window.sessionStorage.getItem(storageKey) ?? fallback;
    } catch {
      return fallback; // storage refused (a locked-down profile): remember for this view only
    }
  });
  const remember = useCallback(
    (next: string) => {
      setValue(next);
      try {
        window.sessionStorage.setItem(storageKey, next);
      } catch {
        // as above
      }
    },
    [storageKey],
  );
  return [value, remember];
}
