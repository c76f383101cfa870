import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  contentTypeFor,
  isAllowedNavigation,
  isAllowedPageUrl,
  isAllowedPermission,
  isAllowedRequest,
  isAllowedWindowOpen,
  isTrustedSenderFrame,
  resolveAppFile,
  safeRelativePath,
} from './security-policy';

describe('page URLs', () => {
  it('loads the app origin only', () => {
    expect(isAllowedPageUrl('app://bundle/index.html')).toBe(true);
    expect(isAllowedPageUrl('app://other/index.html')).toBe(false);
    expect(isAllowedPageUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedPageUrl('https://example.com/')).toBe(false);
    expect(isAllowedPageUrl('not a url')).toBe(false);
  });

  it('allows the dev server only when it is given and on loopback', () => {
    expect(isAllowedPageUrl('http://localhost:5173/', {})).toBe(false);
    expect(isAllowedPageUrl('http://localhost:5173/', { devServerOrigin: 'http://localhost:5173' })).toBe(true);
    expect(isAllowedPageUrl('http://localhost:5174/', { devServerOrigin: 'http://localhost:5173' })).toBe(false);
    expect(isAllowedPageUrl('http://evil.test:5173/', { devServerOrigin: 'http://evil.test:5173' })).toBe(false);
  });
});

describe('navigation and new windows', () => {
  it('never navigates away or opens windows', () => {
    expect(isAllowedNavigation('app://bundle/index.html', 'https://example.com')).toBe(false);
    expect(isAllowedNavigation('app://bundle/index.html', 'app://bundle/other.html')).toBe(false);
    expect(isAllowedWindowOpen('https://example.com')).toBe(false);
    expect(isAllowedWindowOpen('app://bundle/index.html')).toBe(false);
  });
});

describe('network requests', () => {
  it.each(['http://example.com/', 'https://fonts.googleapis.com/css', 'ws://127.0.0.1:9/', 'wss://x.test/', 'ftp://x.test/'])(
    'cancels %s',
    (url) => {
      expect(isAllowedRequest(url)).toBe(false);
    },
  );

  it('lets the app scheme, blob and data through', () => {
    expect(isAllowedRequest('app://bundle/assets/index.js')).toBe(true);
    expect(isAllowedRequest('blob:app://bundle/1234')).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA')).toBe(true);
  });

  it('lets only the loopback dev server through in dev runs', () => {
    const options = { devServerOrigin: 'http://localhost:5173' };
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', options)).toBe(true);
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx')).toBe(false);
    expect(isAllowedRequest('https://example.com/', options)).toBe(false);
  });
});

describe('IPC senders', () => {
  it('trusts only the app page in the top frame', () => {
    expect(isTrustedSenderFrame({ url: 'app://bundle/index.html', isTopFrame: true })).toBe(true);
    expect(isTrustedSenderFrame({ url: 'app://bundle/index.html', isTopFrame: false })).toBe(false);
    expect(isTrustedSenderFrame({ url: 'blob:app://bundle/123', isTopFrame: true })).toBe(false);
    expect(isTrustedSenderFrame({ url: 'https://example.com/', isTopFrame: true })).toBe(false);
    expect(isTrustedSenderFrame(null)).toBe(false);
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])('denies %s', (permission) => {
    expect(isAllowedPermission(permission)).toBe(false);
  });
});

describe('app file resolution', () => {
  it('maps app URLs into the renderer folder', () => {
    expect(resolveAppFile('app://bundle/')).toBe('index.html');
    expect(resolveAppFile('app://bundle/index.html')).toBe('index.html');
    expect(resolveAppFile('app://bundle/assets/index-abc.js?x=1')).toBe('assets/index-abc.js');
  });

  it('keeps dot segments inside the renderer folder (the URL parser folds them at the root)', () => {
    expect(resolveAppFile('app://bundle/../main/index.js')).toBe('main/index.js');
    expect(resolveAppFile('app://bundle/assets/%2e%2e/%2e%2e/secret')).toBe('secret');
  });

  it.each([
    'app://bundle/assets/..%2f..%2fsecret',
    'app://bundle/a%5c..%5csecret',
    'app://bundle/%00',
    'app://other/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(url)).toBeNull();
  });

  it('keeps plain paths inside the served folder', () => {
    expect(safeRelativePath('/')).toBe('index.html');
    expect(safeRelativePath('/assets/a.js')).toBe('assets/a.js');
    expect(safeRelativePath('/../x')).toBeNull();
    expect(safeRelativePath('/a/%2e%2e/%2e%2e/x')).toBeNull();
    expect(safeRelativePath('/%E0%A4%A')).toBeNull();
  });

  it('names content types', () => {
    expect(contentTypeFor('index.html')).toMatch(/^text\/html/);
    expect(contentTypeFor('assets/a.js')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('x.unknown')).toBe('application/octet-stream');
  });
});

describe('content security policy', () => {
  it('denies by default and allows no network connections or remote scripts', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)|https?:/);
  });

  it('is the strict policy unless a dev server is given, and then opens only that origin', () => {
    expect(contentSecurityPolicy()).toBe(CONTENT_SECURITY_POLICY);
    const dev = contentSecurityPolicy({ devServerOrigin: 'http://localhost:5173' });
    expect(dev).toContain('connect-src http://localhost:5173 ws://localhost:5173');
    expect(dev).not.toMatch(/https:|\*/);
  });
});
