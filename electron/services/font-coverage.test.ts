import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { characterSetOf, FALLBACK_FONTS, FONT_FILES, loadShippedFonts } from './font-coverage';
import { fontsDir } from './testing/packet-fixtures';

const codePoints = (text: string) => [...text.replace(/\s/g, '')].map((ch) => ch.codePointAt(0) ?? 0);
const fonts = loadShippedFonts(fontsDir);

describe('the shipped fonts', () => {
  it('Roboto prints Latin, Greek and Cyrillic itself, and no Arabic, Hebrew or CJK', () => {
    const has = fonts.coverage.primaryHas;
    expect(codePoints('José Peña Nguyễn Ελένη Παπαδοπούλου Анна Иванова Ёё').filter((c) => !has(c))).toEqual([]);
    for (const text of ['فاطمة', 'שרה', '王秀英', 'さくら', '김민준']) expect(codePoints(text).some(has), text).toBe(false);
  });

  it('has one fallback for each of Arabic, Hebrew and Chinese/Japanese/Korean', () => {
    const samples: Record<string, string> = { NotoSansArabicUI: 'فاطمة الزهراء عبد الله مُحَمَّد', NotoSansHebrew: 'שרה כהן', DroidSansFallback: '王秀英 李明 さくら サクラ 김민준' };
    for (const { family, has } of fonts.coverage.fallbacks) {
      const sample = samples[family];
      expect(sample, family).toBeDefined();
      expect(codePoints(sample ?? '').filter((c) => !has(c)), family).toEqual([]);
    }
    expect(fonts.coverage.fallbacks.map((f) => f.family)).toEqual(Object.keys(samples));
  });

  it('Roboto’s four files have the same characters (coverage reads Regular only)', () => {
    const characters = (file: string) => characterSetOf(readFileSync(join(fontsDir, file)));
    const regular = characters(FONT_FILES.normal);
    expect(regular.size).toBeGreaterThan(800);
    for (const file of [FONT_FILES.bold, FONT_FILES.italics, FONT_FILES.bolditalics]) expect(characters(file), file).toEqual(regular);
  });

  it('ships a license text naming every font file', () => {
    const files = readdirSync(fontsDir);
    const licenses = files.filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(fontsDir, f), 'utf8'));
    const fontFiles = files.filter((f) => f.endsWith('.ttf'));
    expect(fontFiles.sort()).toEqual([...Object.values(FONT_FILES), ...FALLBACK_FONTS.map((f) => f.file)].sort());
    for (const file of fontFiles) expect(licenses.some((text) => text.includes(file) || text.includes(file.replace(/-.*$/, ''))), file).toBe(true);
    expect(licenses.some((text) => text.includes('SIL OPEN FONT LICENSE') && text.includes('NotoSansArabicUI-Regular.ttf'))).toBe(true);
    expect(licenses.some((text) => text.includes('Apache License') && text.includes('DroidSansFallback.ttf'))).toBe(true);
  });
});

describe('unprintableCharacters', () => {
  it('names what no shipped font prints, and nothing for names in the scripts shipped', () => {
    expect(fonts.unprintableCharacters('Ana 😀 López')).toEqual(['😀']);
    expect(fonts.unprintableCharacters('प्रिया शर्मा')).not.toEqual([]);
    expect(fonts.unprintableCharacters('فاطمة الزهراء שרה כהן Анна Ελένη 王秀英 さくら 김민준 José')).toEqual([]);
  });

  it('never reads a fallback font for text Roboto prints', () => {
    const onlyRoboto = mkdtempSync(join(tmpdir(), 'roboto-only-'));
    for (const file of Object.values(FONT_FILES)) copyFileSync(join(fontsDir, file), join(onlyRoboto, file));
    const lazy = loadShippedFonts(onlyRoboto);
    expect(lazy.unprintableCharacters('Margaret Okafor, Ελένη, Анна')).toEqual([]);
    expect(() => lazy.unprintableCharacters('فاطمة')).toThrow(/ENOENT/);
  });
});
