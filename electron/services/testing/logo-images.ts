/** Real PNG and JPEG pictures for the logo tests, encoded here (pngjs, jpeg-js), as data URLs. */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/** A picture of `width` x `height` pixels: a colour gradient with some noise (photo-like), or flat stripes. */
export function pixels(width: number, height: number, options: { alpha?: boolean; photo?: boolean } = {}): Buffer {
  const data = Buffer.alloc(width * height * 4);
  let seed = 7;
  const noise = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % 64;
  };
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const at = (y * width + x) * 4;
      const stripe = Math.floor(x / Math.max(1, Math.floor(width / 6))) % 2 === 0;
      const extra = options.photo === true ? noise() : 0;
      data[at] = options.photo === true ? Math.min(255, Math.floor((x / width) * 190) + extra) : stripe ? 20 : 200;
      data[at + 1] = options.photo === true ? Math.min(255, Math.floor((y / height) * 190) + extra) : 90;
      data[at + 2] = options.photo === true ? Math.min(255, 120 + extra) : stripe ? 160 : 40;
      data[at + 3] = options.alpha === true && x < width / 4 ? 0 : 255;
    }
  }
  return data;
}

export function pngBytes(width: number, height: number, options: { alpha?: boolean; photo?: boolean } = {}): Buffer {
  const png = new PNG({ width, height });
  png.data = pixels(width, height, options);
  return PNG.sync.write(png);
}

export function jpegBytes(width: number, height: number, quality = 90): Buffer {
  return jpeg.encode({ width, height, data: pixels(width, height, { photo: true }) }, quality).data;
}

export const dataUrl = (type: 'png' | 'jpeg', bytes: Uint8Array): string => `data:image/${type};base64,${Buffer.from(bytes).toString('base64')}`;

/** A valid PNG signature and header (IHDR) claiming `width` x `height`, with one tiny data chunk: a decompression bomb's header. */
export function pngHeaderClaiming(width: number, height: number): Buffer {
  const small = pngBytes(4, 4);
  const out = Buffer.from(small);
  // IHDR's width and height sit at bytes 16-23 (after the 8-byte signature, length and type).
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  return out;
}

/** Pixel size and format of a data URL's picture, read by decoding it. */
export function decodedSize(url: string): { type: string; width: number; height: number; bytes: number } {
  const match = /^data:image\/(png|jpeg);base64,(.*)$/.exec(url);
  if (!match) throw new Error('not a data URL');
  const bytes = Buffer.from(match[2] ?? '', 'base64');
  if (match[1] === 'png') {
    const png = PNG.sync.read(bytes);
    return { type: 'png', width: png.width, height: png.height, bytes: bytes.length };
  }
  const img = jpeg.decode(bytes, { useTArray: true });
  return { type: 'jpeg', width: img.width, height: img.height, bytes: bytes.length };
}
