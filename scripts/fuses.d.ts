export const FUSES: Record<string, unknown>;
export function setFuses(electronBinary: string): Promise<number>;
export default function afterPack(context: unknown): Promise<void>;
