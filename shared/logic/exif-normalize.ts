import type { Gps, PhotoMetadata } from '../model/photo';
import { msg, type Message } from '../i18n/messages';

/**
 * Raw tag groups as exifr hands them over with `reviveValues: false, translateValues: false`.
 * `exif` holds what the EXIF block says; `xmp` the XMP packet (namespaces by prefix; exifr files the XMP
 * `tiff:` and `exif:` namespaces under `ifd0` and `exif`); `sidecar` a `.xmp` file beside the photo.
 */
export interface RawMetadata {
  exif?: { ifd0?: Tags; exif?: Tags; gps?: Tags } | null;
  iptc?: Tags | null;
  xmp?: Record<string, Tags> | null;
  sidecar?: Record<string, Tags> | null;
  /** PNG tEXt/iTXt chunks */
  png?: Tags | null;
}
type Tags = Record<string, unknown>;

/** A named face from MWG regions, in stored-pixel fractions (x, y = top-left), as other tools wrote it. */
export interface MetadataFace {
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface NormalizedMetadata {
  metadata: PhotoMetadata;
  faces: MetadataFace[];
  warnings: Message[];
}

/** MWG `mwg-rs:Regions` as exifr parses them: one region comes as an object, several as a list. */
function mwgFaces(regions: unknown): MetadataFace[] {
  const list = (regions as { RegionList?: unknown } | undefined)?.RegionList;
  const items = Array.isArray(list) ? list : list ? [list] : [];
  const faces: MetadataFace[] = [];
  for (const item of items as Record<string, unknown>[]) {
    const name = xmpText(item?.Name);
    const area = item?.Area as Record<string, unknown> | undefined;
    if (!name || !area || (item.Type !== undefined && item.Type !== 'Face')) continue;
    const [cx, cy, w, h] = [area.x, area.y, area.w, area.h].map(toNumber);
    if ([cx, cy, w, h].some((v) => v === null) || (area.unit !== undefined && area.unit !== 'normalized')) continue;
    // MWG gives the centre; we keep the top-left corner.
    const x = Math.max(0, cx! - w! / 2);
    const y = Math.max(0, cy! - h! / 2);
    const round = (v: number) => Math.round(v * 1e6) / 1e6;
    if (w! > 0 && h! > 0 && x + w! <= 1.001 && y + h! <= 1.001)
      faces.push({ name, x: round(x), y: round(y), w: round(Math.min(w!, 1 - x)), h: round(Math.min(h!, 1 - y)) });
  }
  return faces;
}

/** Strings from cameras come NUL-padded and space-padded; an empty one means "not recorded". */
export function cleanText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Uint8Array) v = new TextDecoder().decode(v);
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return null;
  // An EXIF text ends at its first NUL; what follows is padding or garbage (GoPro writes both), as exiftool reads it.
  const nul = v.indexOf('\u0000');
  const s = (nul >= 0 ? v.slice(0, nul) : v).trim();
  return s === '' ? null : s;
}

/**
 * Descriptions cameras write by themselves ("OLYMPUS DIGITAL CAMERA", "SONY DSC"…): not a caption anyone wrote,
 * so not shown or printed as one. `camera` is the make and model, which some cameras also write there.
 */
export function isBoilerplateCaption(text: string, camera: (string | null)[] = []): boolean {
  const t = text.trim().replace(/\s+/g, ' ');
  if (!t) return true;
  if (/^(?:[A-Z][A-Z0-9-]*\s+)*DIGITAL (?:STILL )?CAMERA$/i.test(t)) return true;
  if (
    /^(?:SONY DSC|DSC|DCIM|DCF|EXIF_JPEG_(?:PICTURE|420|422)|EXIF JPEG|JPEG|PICTURE|IMAGE|PHOTO|DEFAULT|UNTITLED|SAMSUNG(?: CAMERA PICTURES)?|CAMERA|LEICA|CASIO QV CAMERA|MINOLTA DIGITAL CAMERA|KONICA MINOLTA DIGITAL CAMERA)$/i.test(
      t,
    )
  )
    return true;
  // A file name as description (IMG_1234, DSC01234, P1010001…).
  if (/^(?:IMG|DSC|DSCN|DSCF|P|PICT|SAM|GOPR|GH)[_-]?\d{3,}(?:\.\w+)?$/i.test(t)) return true;
  return camera.some((c) => c && c.trim().toLowerCase() === t.toLowerCase());
}

/** exifr may hand us numbers, numeric strings, rationals as "a/b", arrays or typed arrays. */
export function toNumber(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v) || ArrayBuffer.isView(v)) {
    const first = (v as ArrayLike<unknown>)[0];
    return (v as ArrayLike<unknown>).length ? toNumber(first) : null;
  }
  if (typeof v === 'string') {
    const m = /^\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?)(?:\s*\/\s*(\d+(?:\.\d+)?))?/i.exec(v);
    if (!m) return null;
    const a = Number(m[1]);
    if (m[2] === undefined) return a;
    const b = Number(m[2]);
    return b === 0 ? null : a / b;
  }
  return null;
}

/** XMP text comes plain, as a language alternative `{lang, value}`, or as a list of either. */
function xmpText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) {
    const def = v.find((x) => x && typeof x === 'object' && (x as Tags).lang === 'x-default');
    if (def) return xmpText(def);
    const parts = v.map(xmpText).filter((x): x is string => !!x);
    return parts.length ? parts.join('; ') : null;
  }
  if (typeof v === 'object' && !(v instanceof Uint8Array)) {
    const o = v as Tags;
    if ('value' in o) return cleanText(o.value);
    return null;
  }
  return cleanText(v);
}

function xmpList(v: unknown): string[] {
  if (v === null || v === undefined) return [];
  const items = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const item of items) {
    const s = xmpText(item);
    if (s) out.push(...s.split(/\s*;\s*/).filter(Boolean));
  }
  return [...new Set(out)];
}

const first = <T>(...vals: (T | null | undefined)[]): T | null => {
  for (const v of vals) if (v !== null && v !== undefined) return v;
  return null;
};

const pad = (n: string, len = 2) => n.padStart(len, '0');

/** `±hh:mm` from `+0800`, `+08:00`, `Z`, `+8`; null when unparseable. */
export function normalizeOffset(v: unknown): string | null {
  const s = cleanText(v);
  if (!s) return null;
  if (s === 'Z') return '+00:00';
  const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(s);
  if (!m) return null;
  const h = Number(m[2]);
  const min = Number(m[3] ?? '0');
  if (h > 14 || min > 59) return null;
  return `${m[1]}${pad(String(h))}:${pad(String(min))}`;
}

/**
 * EXIF `2025:05:12 09:30:00` or XMP `2025-05-12T09:30:00+08:00` to ISO 8601 wall-clock time. The time is
 * never moved into the computer's zone: what the camera recorded is what we keep, plus the offset if known.
 */
export function normalizeDateTime(v: unknown, offset?: unknown): string | null {
  const s = cleanText(v);
  if (!s) return null;
  const m =
    /^(\d{4})[:-](\d{1,2})[:-](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(
      s,
    );
  if (!m) return null;
  const [, Y, Mo, D, h = '00', mi = '00', sec = '00', tz] = m;
  const month = Number(Mo);
  const dayN = Number(D);
  if (Y === '0000' || month < 1 || month > 12 || dayN < 1 || dayN > 31) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(sec) > 60) return null;
  const base = `${Y}-${pad(Mo)}-${pad(D)}T${pad(h)}:${mi}:${pad(sec)}`;
  const off = normalizeOffset(tz) ?? normalizeOffset(offset);
  return off ? base + off : base;
}

/** EXIF stores degrees/minutes/seconds as three rationals; XMP as `43,28.0294N`; either as a plain number. */
export function dmsToDegrees(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v) || ArrayBuffer.isView(v)) {
    const arr = Array.from(v as ArrayLike<unknown>, toNumber);
    if (arr.length === 0 || arr.some((x) => x === null)) return null;
    const [d, m = 0, s = 0] = arr as number[];
    return d + m / 60 + s / 3600;
  }
  if (typeof v === 'string') {
    const m = /^\s*(-?\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?(?:,(\d+(?:\.\d+)?))?\s*([NSEW])?\s*$/i.exec(v);
    if (!m) return null;
    const deg = Number(m[1]) + Number(m[2] ?? 0) / 60 + Number(m[3] ?? 0) / 3600;
    return /[SW]/i.test(m[4] ?? '') ? -deg : deg;
  }
  return toNumber(v);
}

function refIs(ref: unknown, letter: string): boolean {
  const s = cleanText(ref);
  return !!s && s.toUpperCase().startsWith(letter);
}

/** Altitude ref 1 means below sea level; exifr gives it as a number, a byte array or a string. */
function belowSeaLevel(ref: unknown): boolean {
  return toNumber(ref) === 1 || (ArrayBuffer.isView(ref) && (ref as Uint8Array)[0] === 1);
}

function gpsFromExif(gps: Tags | undefined): Gps | null {
  if (!gps) return null;
  let lat = dmsToDegrees(gps.GPSLatitude);
  let lon = dmsToDegrees(gps.GPSLongitude);
  if (lat === null || lon === null) return null;
  if (refIs(gps.GPSLatitudeRef, 'S')) lat = -Math.abs(lat);
  if (refIs(gps.GPSLongitudeRef, 'W')) lon = -Math.abs(lon);
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  let alt = toNumber(gps.GPSAltitude);
  if (alt !== null && belowSeaLevel(gps.GPSAltitudeRef)) alt = -Math.abs(alt);
  return { lat, lon, alt };
}

function gpsFromXmp(exifNs: Tags | undefined): Gps | null {
  if (!exifNs) return null;
  const lat = dmsToDegrees(exifNs.GPSLatitude);
  const lon = dmsToDegrees(exifNs.GPSLongitude);
  if (lat === null || lon === null) return null;
  let alt = toNumber(exifNs.GPSAltitude);
  if (alt !== null && belowSeaLevel(exifNs.GPSAltitudeRef)) alt = -Math.abs(alt);
  return { lat, lon, alt };
}

function validOrientation(v: unknown): number | null {
  const n = toNumber(v);
  return n !== null && Number.isInteger(n) && n >= 1 && n <= 8 ? n : null;
}

function rating(v: unknown): number | null {
  const n = toNumber(v);
  if (n === null) return null;
  return Math.max(0, Math.min(5, Math.round(n)));
}

/** Positive numbers only: a zero exposure or aperture means "not recorded". */
const positive = (v: unknown): number | null => {
  const n = toNumber(v);
  return n !== null && n > 0 ? n : null;
};

export function normalizeMetadata(raw: RawMetadata): NormalizedMetadata {
  const warnings: Message[] = [];
  const ifd0 = raw.exif?.ifd0 ?? {};
  const exif = raw.exif?.exif ?? {};
  // The sidecar is what someone edited in Bridge or Lightroom after the shot, so it wins over the embedded packet.
  const ns = (prefix: string): Tags => ({ ...(raw.xmp?.[prefix] ?? {}), ...(raw.sidecar?.[prefix] ?? {}) });
  const dc = ns('dc');
  const xmpBasic = { ...ns('xap'), ...ns('xmp') };
  const xmpTiff = ns('ifd0');
  const xmpExif = ns('exif');
  const aux = ns('aux');
  const exifEX = ns('exifEX');
  const ext = ns('Iptc4xmpExt');
  const photoshop = ns('photoshop');
  const iptc = raw.iptc ?? {};
  const png = raw.png ?? {};

  let capturedAt = normalizeDateTime(exif.DateTimeOriginal, first(exif.OffsetTimeOriginal, exif.OffsetTime));
  if (!capturedAt && cleanText(exif.DateTimeOriginal))
    warnings.push(msg('warning.badDate', { value: cleanText(exif.DateTimeOriginal)! }));
  capturedAt ??= normalizeDateTime(xmpExif.DateTimeOriginal);
  capturedAt ??= normalizeDateTime(exif.CreateDate, first(exif.OffsetTimeDigitized, exif.OffsetTime));
  capturedAt ??= normalizeDateTime(first(xmpBasic.CreateDate, photoshop.DateCreated, png['Creation Time']));

  const metadata: PhotoMetadata = {
    capturedAt,
    orientation: first(validOrientation(ifd0.Orientation), validOrientation(xmpTiff.Orientation)),
    make: first(cleanText(ifd0.Make), cleanText(xmpTiff.Make)),
    model: first(cleanText(ifd0.Model), cleanText(xmpTiff.Model)),
    lens: first(cleanText(exif.LensModel), cleanText(exifEX.LensModel), cleanText(aux.Lens)),
    exposureTime: first(positive(exif.ExposureTime), positive(xmpExif.ExposureTime)),
    fNumber: first(positive(exif.FNumber), positive(xmpExif.FNumber)),
    iso: first(positive(exif.ISO), positive(xmpExif.ISOSpeedRatings), positive(xmpExif.ISO)),
    focalLength: first(positive(exif.FocalLength), positive(xmpExif.FocalLength)),
    gps: first(gpsFromExif(raw.exif?.gps), gpsFromXmp(xmpExif)),
    artist: first(cleanText(ifd0.Artist), xmpText(dc.creator), cleanText(iptc.Byline), cleanText(png.Author)),
    copyright: first(
      cleanText(ifd0.Copyright),
      xmpText(dc.rights),
      cleanText(iptc.CopyrightNotice),
      cleanText(png.Copyright),
    ),
    software: first(cleanText(ifd0.Software), cleanText(xmpBasic.CreatorTool), cleanText(png.Software)),
    title: first(xmpText(dc.title), cleanText(iptc.ObjectName), cleanText(png.Title)),
    caption: first(
      ...[
        xmpText(dc.description),
        cleanText(iptc.Caption),
        cleanText(ifd0.ImageDescription),
        cleanText(png.Description),
      ].map((c) => (c && !isBoilerplateCaption(c, [cleanText(ifd0.Make), cleanText(ifd0.Model)]) ? c : null)),
    ),
    keywords: xmpList(dc.subject).length ? xmpList(dc.subject) : xmpList(iptc.Keywords),
    personsShown: xmpList(ext.PersonInImage),
    organisations: xmpList(ext.OrganisationInImageName),
    rating: rating(xmpBasic.Rating),
  };
  // A sidecar can list anything; a photo keeps a sane number of keywords and people, and says when it cut.
  const cap = (list: string[], limit: number, key: 'warning.tooManyKeywords' | 'warning.tooManyPeople') => {
    if (list.length <= limit) return list;
    warnings.push(msg(key, { count: list.length, limit }));
    return list.slice(0, limit);
  };
  metadata.keywords = cap(metadata.keywords, MAX_KEYWORDS, 'warning.tooManyKeywords');
  metadata.personsShown = cap(metadata.personsShown, MAX_PEOPLE, 'warning.tooManyPeople');
  metadata.organisations = cap(metadata.organisations, MAX_PEOPLE, 'warning.tooManyPeople');
  const faces = mwgFaces(ns('mwg-rs').Regions);
  return { metadata, faces: faces.slice(0, MAX_PEOPLE), warnings };
}

/** More keywords or people than any real photo carries: what a runaway sidecar would otherwise put in the catalog. */
export const MAX_KEYWORDS = 200;
export const MAX_PEOPLE = 100;
