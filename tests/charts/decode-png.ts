import { inflateSync } from 'node:zlib';

/** A decoded 8-bit RGBA image. */
export interface Rgba {
  width: number;
  height: number;
  pixels: Buffer;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Minimal PNG decoder for the tests (8-bit RGBA or RGB, not interlaced — what resvg writes), so the
 * chart test checks the actual PNG bytes rather than trusting the renderer's own pixel buffer.
 */
export function decodePng(png: Buffer): Rgba {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 4;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('only 8-bit non-interlaced PNGs are supported');
      channels = data[9] === 6 ? 4 : data[9] === 2 ? 3 : 0;
      if (!channels) throw new Error(`unsupported colour type ${data[9]}`);
    } else if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(width * height * 4);
  const prev = Buffer.alloc(stride);
  const line = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const byte = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? line[x - channels]! : 0;
      const b = prev[x]!;
      const c = x >= channels ? prev[x - channels]! : 0;
      const add = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter] ?? 0;
      line[x] = (byte + add) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      for (let ch = 0; ch < 3; ch++) out[(y * width + x) * 4 + ch] = line[x * channels + ch]!;
      out[(y * width + x) * 4 + 3] = channels === 4 ? line[x * channels + 3]! : 255;
    }
    line.copy(prev);
  }
  return { width, height, pixels: out };
}

/** Counts pixels darker than `threshold` (0-255 luminance) inside the rectangle. */
export function darkPixels(
  image: Rgba,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  threshold = 128,
): number {
  let count = 0;
  for (let y = Math.max(0, y0); y < Math.min(image.height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(image.width, x1); x++) {
      const i = (y * image.width + x) * 4;
      const lum = 0.299 * image.pixels[i]! + 0.587 * image.pixels[i + 1]! + 0.114 * image.pixels[i + 2]!;
      if (lum < threshold) count += 1;
    }
  }
  return count;
}
