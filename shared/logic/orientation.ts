/** EXIF orientations 5-8 turn the picture a quarter: displayed width and height swap. */
export function swapsAxes(orientation: number | null | undefined): boolean {
  return orientation !== null && orientation !== undefined && orientation >= 5 && orientation <= 8;
}

export function displayedSize(width: number, height: number, orientation: number | null | undefined) {
  return swapsAxes(orientation) ? { width: height, height: width } : { width, height };
}

/**
 * How to show a photo upright when its orientation is known only from XMP (tiff:Orientation), which the decoder
 * does not apply: mirror first, then rotate clockwise — the order sharp applies them in.
 */
export function orientationSteps(orientation: number): { flop: boolean; rotate: 0 | 90 | 180 | 270; flip: boolean } {
  switch (orientation) {
    case 2:
      return { flop: true, flip: false, rotate: 0 };
    case 3:
      return { flop: false, flip: false, rotate: 180 };
    case 4:
      return { flop: false, flip: true, rotate: 0 };
    case 5:
      return { flop: true, flip: false, rotate: 270 };
    case 6:
      return { flop: false, flip: false, rotate: 90 };
    case 7:
      return { flop: true, flip: false, rotate: 90 };
    case 8:
      return { flop: false, flip: false, rotate: 270 };
    default:
      return { flop: false, flip: false, rotate: 0 };
  }
}
