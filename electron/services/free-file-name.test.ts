import { describe, expect, it } from 'vitest';
import { freeFileName } from './free-file-name';

const takenOf = (...names: string[]) => (name: string) => names.includes(name);

describe('freeFileName', () => {
  it('keeps the name when no file has it', () => {
    expect(freeFileName('Okafor-Margaret-vertebroplasty-2026-11-29.pdf', takenOf())).toBe('Okafor-Margaret-vertebroplasty-2026-11-29.pdf');
  });

  it('adds -2, then -3, ... before the extension when the name is taken', () => {
    const name = 'Okafor-Margaret-vertebroplasty-2026-11-29.pdf';
    expect(freeFileName(name, takenOf(name))).toBe('Okafor-Margaret-vertebroplasty-2026-11-29-2.pdf');
    expect(freeFileName(name, takenOf(name, 'Okafor-Margaret-vertebroplasty-2026-11-29-2.pdf'))).toBe('Okafor-Margaret-vertebroplasty-2026-11-29-3.pdf');
  });

  it('numbers a name without an extension at its end', () => {
    expect(freeFileName('packet', takenOf('packet'))).toBe('packet-2');
  });

  it('suggests the name itself when even -999 is taken (the dialog then asks before replacing)', () => {
    expect(freeFileName('a.pdf', () => true)).toBe('a.pdf');
  });
});
