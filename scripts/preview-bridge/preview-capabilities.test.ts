import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../electron/services/atomic-write';
import { previewCapabilities } from './preview-capabilities';

describe('the preview save "dialog"', () => {
  it('saving the same patient twice on one day keeps both files (-2 for the second)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'preview-save-'));
    const caps = previewCapabilities(dataDir, () => undefined);
    const name = 'Okafor-Margaret-vertebroplasty-2026-11-29.pdf';
    const first = await caps.saveFile(name, Buffer.from('first'), 'pdf', (path, data) => writeFileAtomic(path, data));
    const second = await caps.saveFile(name, Buffer.from('second'), 'pdf', (path, data) => writeFileAtomic(path, data));
    if (!first.saved || !second.saved) throw new Error('expected both saved');
    expect(basename(first.path)).toBe(name);
    expect(basename(second.path)).toBe('Okafor-Margaret-vertebroplasty-2026-11-29-2.pdf');
    expect(readFileSync(first.path, 'utf8')).toBe('first');
    expect(readFileSync(second.path, 'utf8')).toBe('second');
  });
});

describe('the preview stand-in for the OS key store', () => {
  it('opens after a restart with the same data folder what it sealed before (like the OS key store), and not with another folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'preview-keystore-'));
    const sealed = await previewCapabilities(dataDir, () => undefined).cipher.encrypt('clinic key');
    expect(Buffer.from(sealed).includes(Buffer.from('clinic key'))).toBe(false);
    await expect(previewCapabilities(dataDir, () => undefined).cipher.decrypt(sealed)).resolves.toBe('clinic key');
    await expect(previewCapabilities(mkdtempSync(join(tmpdir(), 'preview-keystore-')), () => undefined).cipher.decrypt(sealed)).rejects.toThrow();
  });
});
