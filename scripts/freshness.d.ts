export function newestMtime(dir: string): number;
export function isFresh(built: string, sourceDirs: string[]): boolean;
