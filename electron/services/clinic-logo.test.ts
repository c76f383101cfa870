/**
 * The clinic logo is decoded and checked when it is set or imported: real PNG and JPEG bytes
 * pass and come back small; broken, truncated and oversized pictures are refused with a
 * sentence staff can act on, a decompression bomb from its header alone.
 */
import { describe, expect, it } from 'vitest';
import type { SettingsPatch } from '../../core/settings';
import { checkLogoChange, LOGO_UNREADABLE, logoPrints, normaliseLogo } from './clinic-logo';
import { dataUrl, decodedSize, jpegBytes, pngBytes, pngHeaderClaiming } from './testing/logo-images';

const refused = (url: string) => {
  const checked = normaliseLogo(url);
  if (checked.ok) throw new Error('expected the logo to be refused');
  return checked.message;
};

describe('normaliseLogo', () => {
  it('keeps a small PNG as a PNG of the same size, alpha and all', () => {
    const checked = normaliseLogo(dataUrl('png', pngBytes(120, 40, { alpha: true })));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(decodedSize(checked.dataUrl)).toMatchObject({ type: 'png', width: 120, height: 40 });
  });

  it('keeps a small JPEG as a JPEG', () => {
    const checked = normaliseLogo(dataUrl('jpeg', jpegBytes(300, 100)));
    expect(checked.ok && decodedSize(checked.dataUrl)).toMatchObject({ type: 'jpeg', width: 300, height: 100 });
  });

  it('reads the format from the bytes, not from the type the data URL claims', () => {
    const checked = normaliseLogo(dataUrl('png', jpegBytes(200, 100)));
    expect(checked.ok && decodedSize(checked.dataUrl).type).toBe('jpeg');
  });

  it('downscales a big photo to the letterhead size, keeping its shape, to a few tens of KB', () => {
    const original = jpegBytes(2000, 1500, 30);
    expect(dataUrl('jpeg', original).length).toBeLessThan(400_000); // what Settings accepts
    const checked = normaliseLogo(dataUrl('jpeg', original));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const size = decodedSize(checked.dataUrl);
    expect(size.height).toBe(200);
    expect(size.width).toBe(267);
    expect(size.bytes).toBeLessThan(60_000);
    expect(size.bytes).toBeLessThan(original.length / 4);
  });

  it('downscales a big PNG to at most 600 px wide', () => {
    const checked = normaliseLogo(dataUrl('png', pngBytes(1800, 300, { alpha: true })));
    expect(checked.ok && decodedSize(checked.dataUrl)).toMatchObject({ width: 600, height: 100 });
  });

  it('refuses the broken "AAAA" logo, naming what to do', () => {
    expect(refused('data:image/png;base64,AAAA')).toBe('The logo could not be read as a PNG or JPEG picture. Choose another file.');
  });

  it('refuses a truncated PNG and a truncated JPEG', () => {
    const png = pngBytes(200, 80, { photo: true });
    expect(refused(dataUrl('png', png.subarray(0, Math.floor(png.length / 2))))).toBe(LOGO_UNREADABLE);
    const jpg = jpegBytes(200, 80);
    expect(refused(dataUrl('jpeg', jpg.subarray(0, Math.floor(jpg.length / 2))))).toBe(LOGO_UNREADABLE);
  });

  it('refuses a picture that is neither PNG nor JPEG (a GIF)', () => {
    expect(refused(dataUrl('png', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')))).toBe(LOGO_UNREADABLE);
  });

  it('refuses a decompression bomb from its header, fast, without decoding it', () => {
    const started = performance.now();
    expect(refused(dataUrl('png', pngHeaderClaiming(30000, 30000)))).toBe('The logo is 30000 x 30000 pixels; use a picture at most 2000 x 2000.');
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('refuses a real picture over 2000 x 2000 pixels, saying its size', () => {
    expect(refused(dataUrl('png', pngBytes(2400, 100)))).toBe('The logo is 2400 x 100 pixels; use a picture at most 2000 x 2000.');
  });
});

describe('checkLogoChange', () => {
  it('checks only a new logo, and names the logo field when it refuses', () => {
    const broken = 'data:image/png;base64,AAAA';
    const noClinic: SettingsPatch = { defaults: {} };
    expect(checkLogoChange(noClinic, '')).toEqual({ ok: true, value: { defaults: {} } });
    expect(checkLogoChange({ clinic: { logoDataUrl: '' } }, broken)).toEqual({ ok: true, value: { clinic: { logoDataUrl: '' } } });
    const result = checkLogoChange({ clinic: { name: 'X', logoDataUrl: broken } }, '');
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'clinic.logoDataUrl', message: LOGO_UNREADABLE }] } });
    const good = checkLogoChange({ clinic: { name: 'X', logoDataUrl: dataUrl('png', pngBytes(1200, 100)) } }, '');
    expect(good.ok && good.value.clinic.name).toBe('X');
    expect(good.ok && decodedSize(good.value.clinic.logoDataUrl ?? '').width).toBe(600);
  });
});

describe('logoPrints', () => {
  it('says whether a stored logo can be printed', () => {
    expect(logoPrints(dataUrl('png', pngBytes(60, 20)))).toBe(true);
    expect(logoPrints('data:image/png;base64,AAAA')).toBe(false);
    expect(logoPrints(dataUrl('png', pngHeaderClaiming(30000, 30000)))).toBe(false);
  });
});
