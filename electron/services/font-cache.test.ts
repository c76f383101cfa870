import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Runs in a fresh Node process: the cache must be installed before PDFKit first loads. */
function inFreshProcess(script: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' }).trim();
}

describe('shareParsedFonts', () => {
  it('gives PDFKit one parsed font per font buffer (a copied buffer is parsed anew)', () => {
    const output = inFreshProcess(`
      import { createRequire } from 'node:module';
      import { readFileSync } from 'node:fs';
      import { shareParsedFonts } from './electron/services/font-cache.ts';
      const installed = shareParsedFonts();
      const require = createRequire(import.meta.url);
      const pdfkitMain = createRequire(require.resolve('pdfmake')).resolve('pdfkit');
      const fontkit = require(createRequire(pdfkitMain).resolve('fontkit'));
      const buffer = readFileSync('resources/fonts/Roboto-Regular.ttf');
      const same = fontkit.create(buffer) === fontkit.create(buffer);
      const copy = fontkit.create(Buffer.from(buffer)) !== fontkit.create(buffer);
      console.log(JSON.stringify({ installed, same, copy, again: shareParsedFonts() }));
    `);
    expect(JSON.parse(output)).toEqual({ installed: true, same: true, copy: true, again: true });
  });

  it('does nothing (and says so) when PDFKit was loaded first', () => {
    const output = inFreshProcess(`
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      require(createRequire(require.resolve('pdfmake')).resolve('pdfkit'));
      const { shareParsedFonts } = await import('./electron/services/font-cache.ts');
      console.log(shareParsedFonts());
    `);
    expect(output).toBe('false');
  });
});
