type Rect = { x: number; y: number; w: number; h: number };

/** Where a point of the displayed (upright) photo lies in the stored pixels, for EXIF orientation 1-8. */
function displayedToStoredPoint(X: number, Y: number, orientation: number | null): [number, number] {
  switch (orientation) {
    case 2:
      return [1 - X, Y];
    case 3:
      return [1 - X, 1 - Y];
    case 4:
      return [X, 1 - Y];
    case 5:
      return [Y, X];
    case 6:
      return [Y, 1 - X];
    case 7:
      return [1 - Y, 1 - X];
    case 8:
      return [1 - Y, X];
    default:
      return [X, Y];
  }
}

/** The inverse: where a stored pixel shows on the upright photo. */
function storedToDisplayedPoint(x: number, y: number, orientation: number | null): [number, number] {
  switch (orientation) {
    case 2:
      return [1 - x, y];
    case 3:
      return [1 - x, 1 - y];
    case 4:
      return [x, 1 - y];
    case 5:
      return [y, x];
    case 6:
      return [1 - y, x];
    case 7:
      return [1 - y, 1 - x];
    case 8:
      return [y, 1 - x];
    default:
      return [x, y];
  }
}

function mapRect(r: Rect, f: (x: number, y: number) => [number, number]): Rect {
  const [ax, ay] = f(r.x, r.y);
  const [bx, by] = f(r.x + r.w, r.y + r.h);
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return {
    x: round(Math.min(ax, bx)),
    y: round(Math.min(ay, by)),
    w: round(Math.abs(bx - ax)),
    h: round(Math.abs(by - ay)),
  };
}

/** An MWG region (stored pixels) on the upright photo, where our face boxes live. */
export function regionToDisplayed(r: Rect, orientation: number | null): Rect {
  return mapRect(r, (x, y) => storedToDisplayedPoint(x, y, orientation));
}

/**
 * Our regions are drawn on the upright photo; MWG regions (what Lightroom, digiKam and exiftool read) refer to the
 * stored pixels, before Orientation is applied. Both corners are mapped and the rectangle rebuilt from them.
 */
export function regionToStored(r: Rect, orientation: number | null): Rect {
  return mapRect(r, (x, y) => displayedToStoredPoint(x, y, orientation));
}
