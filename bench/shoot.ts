import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

/** A day's shoot as a camera writes it: 24 MP JPEGs with full EXIF, one in four shot in portrait (rotated). */
export async function ensureShoot(count = 40, width = 6000, height = 4000): Promise<string> {
  const dir = path.join(
    process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'),
    'chasing-light-bench',
    `shoot-v2-${count}-${width}x${height}`,
  );
  const done = path.join(dir, '.complete');
  if (
    await fs.stat(done).then(
      () => true,
      () => false,
    )
  )
    return dir;
  await fs.mkdir(dir, { recursive: true });
  process.stderr.write(`generating ${count} photos at ${width}×${height} in ${dir} (once)…\n`);
  // One textured base (gradients + grain, so JPEG sizes are like a camera's, ~6-10 MB), varied per file.
  const base = await sharp({
    create: { width, height, channels: 3, background: '#7a6a58', noise: { type: 'gaussian', mean: 110, sigma: 28 } },
  })
    .blur(1.2)
    .raw()
    .toBuffer({ resolveWithObject: true });
  for (let i = 0; i < count; i++) {
    const orientation = i % 4 === 1 ? 6 : i % 8 === 3 ? 8 : 1;
    const minute = String(i % 60).padStart(2, '0');
    await sharp(base.data, { raw: base.info })
      .modulate({ brightness: 0.8 + (i % 10) / 25, hue: (i * 17) % 360 })
      .withExif({
        IFD0: { Make: 'Canon', Model: 'Canon EOS R5', Artist: 'Bench Photographer', Software: 'Firmware 1.8.1' },
        IFD2: {
          DateTimeOriginal: `2025:05:12 10:${minute}:00`,
          OffsetTimeOriginal: '+08:00',
          ExposureTime: '1/250',
          FNumber: '40/10',
          ISOSpeedRatings: '800',
          FocalLength: '35/1',
          LensModel: 'RF24-70mm F2.8 L IS USM',
        },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '28/1 44/1 2400/100',
          GPSLongitudeRef: 'E',
          GPSLongitude: '118/1 37/1 1200/100',
        },
      })
      .withMetadata({ orientation }) // sharp owns the Orientation tag: one inside withExif is overwritten
      .jpeg({ quality: 92 })
      .toFile(path.join(dir, `IMG_${String(i + 1).padStart(4, '0')}.JPG`));
  }
  await fs.writeFile(done, new Date().toISOString());
  return dir;
}
