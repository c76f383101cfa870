/**
 * The Windows installer IT deploys (electron-builder.yml `nsis`; README "Installing at a clinic
 * (for IT)"): per machine only, so a silent `/S` install is for every user and `/allusers`
 * changes nothing; the uninstall registry key an Intune detection rule names stays the same
 * whatever `appId` becomes; users' data is kept on uninstall; an installer file name with no
 * space or `&` to quote on a command line. Checked against the electron-builder installed here
 * (its NSIS templates and the names it derives), so an upgrade that changes what the README
 * tells IT fails this test instead of a clinic's deployment.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repoRoot = join(import.meta.dirname, '..', '..');
const text = (file: string) => readFileSync(join(repoRoot, file), 'utf8');
type Nsis = { oneClick?: boolean; perMachine?: boolean; guid?: string; deleteAppDataOnUninstall?: boolean; artifactName?: string };
const config = parse(text('electron-builder.yml')) as { appId: string; productName: string; nsis: Nsis };
const pkg = JSON.parse(text('package.json')) as { name: string };

const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
const builderLib = dirname(fromBuilder.resolve('app-builder-lib/package.json'));
const fromBuilderLib = createRequire(join(builderLib, 'package.json'));
const template = (file: string) => readFileSync(join(builderLib, 'templates', 'nsis', file), 'utf8');
const nsisTarget = readFileSync(join(builderLib, 'out', 'targets', 'nsis', 'NsisTarget.js'), 'utf8');

/** The README's section for IT, from its heading to the next one. */
function itSection(): string {
  const readme = text('README.md');
  const start = readme.indexOf('## Installing at a clinic (for IT)');
  expect(start, 'README has a section "Installing at a clinic (for IT)"').toBeGreaterThanOrEqual(0);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

/** The GUID electron-builder derives from an appId when nsis.guid is not set (NsisTarget.js). */
function derivedGuid(appId: string): string {
  const namespace = /ELECTRON_BUILDER_NS_UUID = builder_util_runtime_1\.UUID\.parse\("([0-9a-f-]{36})"\)/.exec(nsisTarget)?.[1];
  expect(namespace, "electron-builder's namespace for NSIS GUIDs").toBeDefined();
  const { UUID } = fromBuilderLib('builder-util-runtime') as { UUID: { v5: (name: string, ns: Buffer) => string; parse: (text: string) => Buffer } };
  return UUID.v5(appId, UUID.parse(namespace ?? ''));
}

describe('the NSIS installer for IT', () => {
  it('installs per machine only: admin rights, no install-mode page, /allusers and /currentuser never read', () => {
    expect(config.nsis.oneClick).toBe(false);
    expect(config.nsis.perMachine).toBe(true);
    // perMachine: true is what defines INSTALL_MODE_PER_ALL_USERS for the templates.
    expect(nsisTarget).toMatch(/if \(options\.perMachine === true\) \{\s*defines\.INSTALL_MODE_PER_ALL_USERS = null;/);
    // ...which makes the installer ask for admin rights (NSIS elevates, or a SYSTEM install has them)...
    expect(template('installer.nsi')).toMatch(/!ifdef INSTALL_MODE_PER_ALL_USERS\s+!ifdef BUILD_UNINSTALLER\s+RequestExecutionLevel user\s+!else\s+RequestExecutionLevel admin/);
    // ...and chooses all users before /allusers or /currentuser would be read (only in the !else).
    const assisted = template('assistedInstaller.nsh');
    const init = assisted.slice(assisted.indexOf('!macro initMultiUser'));
    expect(init).toMatch(/^!macro initMultiUser\s+!ifdef INSTALL_MODE_PER_ALL_USERS\s+!insertmacro setInstallModePerAllUsers\s+!else/);
    expect(init.indexOf('"/allusers"')).toBeGreaterThan(init.indexOf('!else'));
    expect(assisted).toMatch(/!ifndef INSTALL_MODE_PER_ALL_USERS\s+!insertmacro PAGE_INSTALL_MODE/);
  });

  it("pins the GUID to the one the original appId gave, and the README's detection rule names its uninstall key", () => {
    expect(config.nsis.guid).toBe(derivedGuid('com.clinic.estimate-packet'));
    expect(template('multiUser.nsh')).toContain('!define /ifndef UNINSTALL_REGISTRY_KEY "Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\${UNINSTALL_APP_KEY}"');
    expect(itSection()).toContain(`HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\${config.nsis.guid ?? 'no guid'}`);
  });

  it('names the installer, the install folder and the quiet uninstall command as electron-builder makes them', () => {
    const artifact = config.nsis.artifactName ?? '';
    expect(artifact).toMatch(/^[a-z0-9.${}-]+$/);
    const installer = artifact.replace('${version}', '<version>').replace('${ext}', 'exe');
    const { sanitizeFileName } = fromBuilderLib('builder-util/out/filename') as { sanitizeFileName: (name: string) => string };
    const { getWindowsInstallationDirName } = fromBuilderLib('./out/targets/targetUtil') as {
      getWindowsInstallationDirName: (appInfo: { productFilename: string; sanitizedName: string }, tryProductName: boolean) => string;
    };
    const productFilename = sanitizeFileName(config.productName);
    const folder = `C:\\Program Files\\${getWindowsInstallationDirName({ productFilename, sanitizedName: sanitizeFileName(pkg.name) }, true)}`;
    const uninstaller = /!define UNINSTALL_FILENAME "(.+)"/.exec(template('common.nsh'))?.[1]?.replace('${PRODUCT_FILENAME}', productFilename);
    expect(template('include/installer.nsh')).toContain(`QuietUninstallString '"$2" $0 /S'`);
    const section = itSection();
    expect(section).toContain(`${installer} /S /allusers`);
    expect(section).toContain(`"${folder}\\${uninstaller ?? 'no uninstaller'}" /allusers /S`);
  });

  it("keeps every user's data folder on uninstall", () => {
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
  });

  it("is a configuration electron-builder's own check accepts (no misspelt option silently ignored)", async () => {
    const { validateConfiguration } = fromBuilderLib('./out/util/config/config') as { validateConfiguration: (config: unknown, log: unknown) => Promise<void> };
    await expect(validateConfiguration(config, {})).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, perMachin: true } }, {})).rejects.toThrow(/nsis/);
  });
});
