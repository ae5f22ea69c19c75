/** EXIF orientations 5-8 turn the picture a quarter: displayed width and height swap. */
export function swapsAxes(orientation: number | null | undefined): boolean {
  return orientation !== null && orientation !== undefined && orientation >= 5 && orientation <= 8;
}

export function displayedSize(width: number, height: number, orientation: number | null | undefined) {
  return swapsAxes(orientation) ? { width: height, height: width } : { width, height };
}
