/**
 * The clinic logo, checked and made small whenever it is set (Settings), imported (a clinic
 * configuration file) or read from the CLI's clinic file. core/settings.ts only checks the data
 * URL's shape and length; here the bytes are read: the format from its magic bytes (not the type
 * the data URL claims), the pixel size from the header before anything is decoded (a
 * decompression bomb is refused unopened), then a full decode that must succeed, then a copy
 * no bigger than the letterhead uses. Plain Node (pngjs, jpeg-js, image-size); no Electron.
 */
import { imageSize } from 'image-size';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { fail, ok, type Result } from '../../core/result';
import type { ClinicProfile } from '../../core/settings';

/** The largest picture accepted, in pixels each way (decoded it takes 16 MB at most). */
export const LOGO_MAX_PIXELS = 2000;
/** The stored copy's largest size: the letterhead prints the logo about 1 x 0.7 inch. */
const STORED_MAX_WIDTH = 600;
const STORED_MAX_HEIGHT = 200;
/** A stored PNG bigger than this (a photo) is stored as a JPEG instead. */
const STORED_MAX_BYTES = 64 * 1024;
const JPEG_QUALITY = 85;

export const LOGO_UNREADABLE = 'The logo could not be read as a PNG or JPEG picture. Choose another file.';
export const logoTooLarge = (width: number, height: number): string =>
  `The logo is ${width} x ${height} pixels; use a picture at most ${LOGO_MAX_PIXELS} x ${LOGO_MAX_PIXELS}.`;
/** Said when a packet is asked for with a stored logo (from an older version) that cannot be printed. */
export const LOGO_UNPRINTABLE = 'The clinic logo in Settings cannot be printed. Choose it again or remove it in Settings → Clinic profile.';

type LogoFormat = 'png' | 'jpeg';
interface Decoded {
  format: LogoFormat;
  bytes: Buffer;
  width: number;
  height: number;
  /** RGBA, 8 bits a channel. */
  rgba: Uint8Array;
}
type Read = { ok: true; image: Decoded } | { ok: false; message: string };

function formatOf(bytes: Buffer): LogoFormat | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

function decode(format: LogoFormat, bytes: Buffer): Uint8Array {
  if (format === 'png') return PNG.sync.read(bytes).data;
  const limitMp = (LOGO_MAX_PIXELS * LOGO_MAX_PIXELS) / 1_000_000;
  return jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, tolerantDecoding: false, maxResolutionInMP: limitMp, maxMemoryUsageInMB: 64 }).data;
}

/** Read a logo data URL: magic bytes, header size, full decode. */
function readLogo(dataUrl: string): Read {
  const unreadable: Read = { ok: false, message: LOGO_UNREADABLE };
  const match = /^data:image\/[a-z]+;base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl);
  if (!match) return unreadable;
  const bytes = Buffer.from(match[1] ?? '', 'base64');
  const format = formatOf(bytes);
  if (format === null) return unreadable;
  let header: { width: number; height: number };
  try {
    header = imageSize(bytes);
  } catch {
    return unreadable;
  }
  if (header.width > LOGO_MAX_PIXELS || header.height > LOGO_MAX_PIXELS) return { ok: false, message: logoTooLarge(header.width, header.height) };
  if (header.width < 1 || header.height < 1) return unreadable;
  try {
    const rgba = decode(format, bytes);
    if (rgba.length !== header.width * header.height * 4) return unreadable;
    return { ok: true, image: { format, bytes, width: header.width, height: header.height, rgba } };
  } catch {
    return unreadable;
  }
}

/** Area-average downscale of RGBA pixels, weighting colour by alpha (no dark fringes at transparent edges). */
function downscale(src: Uint8Array, width: number, height: number, toWidth: number, toHeight: number): Uint8Array {
  const out = new Uint8Array(toWidth * toHeight * 4);
  for (let ty = 0; ty < toHeight; ty += 1) {
    const y0 = Math.floor((ty * height) / toHeight);
    const y1 = Math.max(y0 + 1, Math.floor(((ty + 1) * height) / toHeight));
    for (let tx = 0; tx < toWidth; tx += 1) {
      const x0 = Math.floor((tx * width) / toWidth);
      const x1 = Math.max(x0 + 1, Math.floor(((tx + 1) * width) / toWidth));
      let r = 0, g = 0, b = 0, a = 0, n = 0;
      for (let y = y0; y < y1; y += 1) {
        for (let x = x0; x < x1; x += 1) {
          const at = (y * width + x) * 4;
          const alpha = src[at + 3] ?? 0;
          r += (src[at] ?? 0) * alpha;
          g += (src[at + 1] ?? 0) * alpha;
          b += (src[at + 2] ?? 0) * alpha;
          a += alpha;
          n += 1;
        }
      }
      const to = (ty * toWidth + tx) * 4;
      out[to] = a === 0 ? 0 : Math.round(r / a);
      out[to + 1] = a === 0 ? 0 : Math.round(g / a);
      out[to + 2] = a === 0 ? 0 : Math.round(b / a);
      out[to + 3] = Math.round(a / n);
    }
  }
  return out;
}

const hasTransparency = (rgba: Uint8Array): boolean => rgba.some((v, i) => i % 4 === 3 && v < 255);

/** The picture on white paper, opaque (what a JPEG can hold). */
function onWhite(rgba: Uint8Array): Uint8Array {
  const out = new Uint8Array(rgba.length);
  for (let i = 0; i < rgba.length; i += 4) {
    const alpha = (rgba[i + 3] ?? 255) / 255;
    for (let c = 0; c < 3; c += 1) out[i + c] = Math.round((rgba[i + c] ?? 0) * alpha + 255 * (1 - alpha));
    out[i + 3] = 255;
  }
  return out;
}

const asDataUrl = (format: LogoFormat, bytes: Uint8Array): string => `data:image/${format};base64,${Buffer.from(bytes).toString('base64')}`;

function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  png.data = Buffer.from(rgba);
  return PNG.sync.write(png, { colorType: hasTransparency(rgba) ? 6 : 2 });
}

const encodeJpeg = (rgba: Uint8Array, width: number, height: number): Buffer => jpeg.encode({ width, height, data: onWhite(rgba) }, JPEG_QUALITY).data;

/**
 * The logo as it should be stored: at most 600 x 200 pixels (shape kept), a PNG for a PNG
 * (transparency kept) unless that is bigger than 64 KB, else a JPEG. A JPEG already that small
 * is kept byte for byte (no second generation of JPEG loss on every import).
 */
export function normaliseLogo(dataUrl: string): { ok: true; dataUrl: string } | { ok: false; message: string } {
  const read = readLogo(dataUrl);
  if (!read.ok) return read;
  const { format, bytes, width, height, rgba } = read.image;
  const scale = Math.min(1, STORED_MAX_WIDTH / width, STORED_MAX_HEIGHT / height);
  if (format === 'jpeg' && scale === 1 && bytes.length <= STORED_MAX_BYTES) return { ok: true, dataUrl: asDataUrl('jpeg', bytes) };
  const toWidth = Math.max(1, Math.round(width * scale));
  const toHeight = Math.max(1, Math.round(height * scale));
  const small = scale === 1 ? rgba : downscale(rgba, width, height, toWidth, toHeight);
  if (format === 'png') {
    const png = encodePng(small, toWidth, toHeight);
    if (png.length <= STORED_MAX_BYTES) return { ok: true, dataUrl: asDataUrl('png', png) };
  }
  return { ok: true, dataUrl: asDataUrl('jpeg', encodeJpeg(small, toWidth, toHeight)) };
}

/**
 * A settings change (a patch, or imported settings) with its logo checked and made small, when
 * it brings a new one; refused on the logo field otherwise. An empty or unchanged logo passes.
 */
export function checkLogoChange<T extends { clinic?: Partial<ClinicProfile> }>(change: T, currentLogo: string): Result<T> {
  const logo = change.clinic?.logoDataUrl;
  if (logo === undefined || logo === '' || logo === currentLogo) return ok(change);
  const checked = normaliseLogo(logo);
  if (!checked.ok) return fail('invalid-input', checked.message, [{ path: 'clinic.logoDataUrl', message: checked.message }]);
  return ok({ ...change, clinic: { ...change.clinic, logoDataUrl: checked.dataUrl } });
}

/** Whether a stored logo can be printed: it reads as a PNG or JPEG no bigger than 2000 x 2000. */
export function logoPrints(dataUrl: string): boolean {
  return readLogo(dataUrl).ok;
}
