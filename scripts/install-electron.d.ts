export function electronBinary(): string | null;
export function installElectron(): { ok: boolean; already?: boolean; reason?: string };
