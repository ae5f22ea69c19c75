
type Rect = { x: number; y: number; w: number; h: number };

/** Where a point of the displayed (upright) photo lies in the stored pixels, for EXIF orientation 1-8. */
function displayedToStoredPoint(X: number, Y: number, orientation: number | null): [number, number] {
  switch (orientation) {
    case 2: return [1 - X, Y];
    case 3: return [1 - X, 1 - Y];
    case 4: return [X, 1 - Y];
    case 5: return [Y, X];
    case 6: return [Y, 1 - X];
    case 7: return [1 - Y, 1 - X];
    case 8: return [1 - Y, X];
    default: return [X, Y];
  }
}

/**
 * Our regions are drawn on the upright photo; MWG regions (what Lightroom, digiKam and exiftool read) refer to the
 * stored pixels, before Orientation is applied. Both corners are mapped and the rectangle rebuilt from them.
 */
export function regionToStored(r: Rect, orientation: number | null): Rect {
  const [ax, ay] = displayedToStoredPoint(r.x, r.y, orientation);
  const [bx, by] = displayedToStoredPoint(r.x + r.w, r.y + r.h, orientation);
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return { x: round(Math.min(ax, bx)), y: round(Math.min(ay, by)), w: round(Math.abs(bx - ax)), h: round(Math.abs(by - ay)) };
}

