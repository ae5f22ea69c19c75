// Regenerates assets/frames/*.jpg: frame textures made here from noise (no third-party artwork). Run from the repo root.
import sharp from 'sharp';
/** Grain (noise squeezed along one axis) coloured as base × (0.55 + 0.9 × grain). */
async function texture(file, base, sigma, squeeze, blur) {
  const g = await sharp({ create: { width: 512, height: squeeze, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma } } })
    .resize(512, 512, { fit: 'fill', kernel: 'cubic' }).blur(blur).greyscale().raw().toBuffer({ resolveWithObject: true });
  const rgb = await sharp(g.data, { raw: g.info }).joinChannel([g.data, g.data], { raw: g.info }).raw().toBuffer({ resolveWithObject: true });
  await sharp(rgb.data, { raw: rgb.info }).linear(base.map((c) => (c * 0.9) / 255), base.map((c) => c * 0.55)).jpeg({ quality: 86 }).toFile(file);
}
await texture('assets/frames/walnut.jpg', [96, 60, 36], 60, 24, 1.2);
await texture('assets/frames/gold.jpg', [200, 160, 78], 35, 16, 2);
