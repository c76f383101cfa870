import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, type CliCommand } from './cli-types';
import { runCli } from './run-cli';

const templatesDir = fileURLToPath(new URL('../../templates', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'run-cli-'));

async function cli(argv: string[], options: { templates?: string; commands?: Record<string, CliCommand> } = {}) {
  let stdout = '';
  let stderr = '';
  const context = {
    templatesDir: options.templates ?? templatesDir,
    io: { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t) },
    today: () => '2026-05-15',
  };
  const code = await (options.commands === undefined ? runCli(argv, context) : runCli(argv, context, options.commands));
  return { code, stdout, stderr };
}

function caseFile(name: string, content: unknown): string {
  const path = join(tmp, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const selfPay = {
  patient: { firstName: 'Maria', lastName: 'Lopez', dateOfBirth: '1948-07-04' },
  procedure: { id: 'vertebroplasty-lumbar', levels: 2, site: 'asc', sedation: 'anesthesia' },
  coverage: { kind: 'uninsured' },
};

describe('runCli estimate', () => {
  it('prints the estimate JSON and exits 0', async () => {
    const result = await cli(['estimate', caseFile('ok.json', selfPay)]);
    expect(result.code).toBe(EXIT_OK);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout) as { goodFaithEstimate: boolean; codes: string[] };
    expect(json.goodFaithEstimate).toBe(true);
    expect(json.codes).toEqual(['22511', '22512']);
  });

  it('uses the given today for the date checks', async () => {
    const file = caseFile('dob.json', selfPay);
    expect((await cli(['estimate', file])).code).toBe(EXIT_OK);
    const early = await cli(['estimate', '--today', '1948-07-03', file]);
    expect(early.code).toBe(EXIT_INPUT);
    expect(early.stderr).toBe('patient.dateOfBirth: The date of birth is in the future: check the year.\n');
  });

  it('reports a JSON syntax error by line and column without quoting the file', async () => {
    const result = await cli(['estimate', caseFile('syntax.json', '{\n  "patient": { "firstName": "Maria",, }\n}')]);
    expect(result.code).toBe(EXIT_INPUT);
    expect(result.stderr).toMatch(/not valid JSON( near line 2, column \d+)?\. Check the commas/);
    expect(result.stderr).not.toContain('Maria');
  });

  it('says when the file is missing, empty, a folder or unreadable', async () => {
    expect((await cli(['estimate', join(tmp, 'missing.json')])).stderr).toMatch(/there is no such file/);
    expect((await cli(['estimate', caseFile('empty.json', '  \n')])).stderr).toMatch(/is empty/);
    expect((await cli(['estimate', tmp])).stderr).toMatch(/it is a folder/);
    const locked = caseFile('locked.json', selfPay);
    chmodSync(locked, 0o000);
    const isRoot = process.getuid?.() === 0; // root reads any file
    if (!isRoot) expect((await cli(['estimate', locked])).stderr).toMatch(/permission denied/);
  });

  it('refuses bad arguments with usage', async () => {
    for (const argv of [['estimate'], ['estimate', 'a.json', 'b.json'], ['estimate', '--today', '2026-13-01', 'a.json'], ['estimate', '--fast', 'a.json']]) {
      const result = await cli(argv);
      expect(result.code).toBe(EXIT_INPUT);
      expect(result.stderr).toMatch(/Usage: estimate/);
    }
  });
});

describe('runCli dispatch', () => {
  it('refuses a missing or unknown command with the list of commands', async () => {
    for (const argv of [[], ['frobnicate']]) {
      const result = await cli(argv);
      expect(result.code).toBe(EXIT_INPUT);
      expect(result.stderr).toMatch(/Usage:\n {2}estimate/);
    }
  });

  it('runs a command added to the map (how `packet` plugs in)', async () => {
    const packet: CliCommand = { usage: 'packet <case.json>', run: (args, ctx) => (ctx.io.stdout(args.join(',')), 7) };
    expect(await cli(['packet', 'x', 'y'], { commands: { packet } })).toMatchObject({ code: 7, stdout: 'x,y' });
  });

  it('reports a broken install as an internal failure (exit 1), without the case', async () => {
    const result = await cli(['estimate', caseFile('internal.json', selfPay)], { templates: join(tmp, 'nowhere') });
    expect(result.code).toBe(EXIT_INTERNAL);
    expect(result.stderr).toMatch(/ProcedureDataError: Cannot read the templates folder .*nowhere/);
    expect(result.stderr).not.toContain('Maria');
  });
});
