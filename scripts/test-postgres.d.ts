export function postgresBin(): string | null;
export function startCluster(): Promise<{ url: string; dir: string }>;
export function stopCluster(dir: string): void;
