import type { Gps } from '../model/photo';

/** 0.008 → "1/125 s"; 2.5 → "2.5 s": how photographers read shutter speeds. */
export function formatExposure(seconds: number | null): string | null {
  if (seconds === null || !(seconds > 0)) return null;
  if (seconds >= 0.3) return `${Number(seconds.toFixed(1))} s`;
  return `1/${Math.round(1 / seconds)} s`;
}

export function formatAperture(f: number | null): string | null {
  return f === null ? null : `f/${Number(f.toFixed(1))}`;
}

export function formatFocalLength(mm: number | null): string | null {
  return mm === null ? null : `${Number(mm.toFixed(1))} mm`;
}

/** 40.66299, -3.76374 → "40.66299° N, 3.76374° W" */
export function formatGps(gps: Gps | null): string | null {
  if (!gps) return null;
  const lat = `${Math.abs(gps.lat).toFixed(5)}° ${gps.lat < 0 ? 'S' : 'N'}`;
  const lon = `${Math.abs(gps.lon).toFixed(5)}° ${gps.lon < 0 ? 'W' : 'E'}`;
  return gps.alt === null ? `${lat}, ${lon}` : `${lat}, ${lon}, ${Math.round(gps.alt)} m`;
}

/** "2025-05-12T09:30:00+08:00" → "2025-05-12 09:30:00 (UTC+08:00)": the wall-clock time as shot, never shifted. */
export function formatCapturedAt(iso: string | null): string | null {
  if (!iso) return null;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})([+-]\d{2}:\d{2})?$/.exec(iso);
  if (!m) return iso;
  return m[3] ? `${m[1]} ${m[2]} (UTC${m[3]})` : `${m[1]} ${m[2]}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function formatDuration(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds)) return null;
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** "Canon" + "Canon EOS R5" → "Canon EOS R5": many cameras repeat the maker in the model. */
export function formatCamera(make: string | null, model: string | null): string | null {
  if (!make) return model;
  if (!model) return make;
  const brand = make.split(/\s+/)[0]!.toLowerCase();
  return model.toLowerCase().startsWith(brand) ? model : `${make} ${model}`;
}

/** An instant as this computer's local wall-clock time, 24-hour: "2025-05-12 14:03". */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A time of day as each language reads it: 24-hour in Chinese ("14:03"), 12-hour in English ("2:03 PM"). */
export function formatClock(iso: string, lang: 'zh' | 'en'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return lang === 'zh'
    ? new Intl.DateTimeFormat('zh-CN', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d)
    : new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', hour12: true }).format(d);
}
