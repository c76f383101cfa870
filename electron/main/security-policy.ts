/**
 * The app's security decisions as pure functions (no electron import), so each one is
 * unit-tested. electron/main/security.ts applies them to the session and every webContents.
 */

/** The custom scheme the app's own pages are served from (never file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Content-Security-Policy for the app's pages: nothing by default; scripts, styles, images
 * and fonts from the app only; the packet preview may frame a blob: PDF; no connect at all.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "frame-src blob:",
  "object-src blob:",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The CSP in force. Unpackaged dev runs (electron-vite dev server, hot reload) also need the
 * dev server's inline React-refresh preamble and its websocket; packaged builds never do.
 */
export function contentSecurityPolicy(options: UrlPolicyOptions = {}): string {
  const dev = options.devServerOrigin;
  if (!dev) return CONTENT_SECURITY_POLICY;
  const ws = dev.replace(/^http/, 'ws');
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", `script-src 'self' 'unsafe-inline' ${dev}`)
    .replace("style-src 'self'", `style-src 'self' 'unsafe-inline' ${dev}`)
    .replace("connect-src 'none'", `connect-src ${dev} ${ws}`);
}

export interface UrlPolicyOptions {
  /** electron-vite's dev server origin (http://localhost:5173), only in unpackaged dev runs. */
  devServerOrigin?: string | null;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function isDevServer(url: URL, options: UrlPolicyOptions): boolean {
  const dev = options.devServerOrigin ? parse(options.devServerOrigin) : null;
  if (!dev) return false;
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(dev.hostname);
  return loopback && url.origin === dev.origin;
}

/** May the main window load this URL as its page? Only the app's own origin (or dev server). */
export function isAllowedPageUrl(url: string, options: UrlPolicyOptions = {}): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  return isDevServer(parsed, options);
}

/** May an IPC call from this frame be trusted? Only the app's own top-level page. */
export function isTrustedSenderFrame(frame: { url: string; isTopFrame: boolean } | null, options: UrlPolicyOptions = {}): boolean {
  return frame !== null && frame.isTopFrame && isAllowedPageUrl(frame.url, options);
}

/**
 * May a page navigate (link, redirect, location change)? Never: the app is one page.
 * Reloads of the same URL are not navigations in Electron and are unaffected.
 */
export function isAllowedNavigation(_from: string, _to: string): boolean {
  return false;
}

/** May a page open a new window (window.open, target=_blank)? Never. */
export function isAllowedWindowOpen(_url: string): boolean {
  return false;
}

const NETWORK_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

/**
 * May the session send this request? The app is offline by design: every network request
 * is cancelled, except the loopback dev server in unpackaged dev runs.
 */
export function isAllowedRequest(url: string, options: UrlPolicyOptions = {}): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (!NETWORK_PROTOCOLS.has(parsed.protocol)) return true;
  return isDevServer(parsed, options);
}

/** Permissions (camera, notifications, geolocation, ...): all denied. */
export function isAllowedPermission(_permission: string): boolean {
  return false;
}

/**
 * Map an app:// URL to a file inside the renderer folder, or null when it would escape it
 * (`..`, encoded slashes, absolute paths, other hosts).
 */
export function resolveAppFile(url: string): string | null {
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  return safeRelativePath(parsed.pathname);
}

/**
 * A URL path (still percent-encoded) as a relative file path inside a served folder, or
 * null when it would escape it. "/" is index.html.
 */
export function safeRelativePath(encodedPathname: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(encodedPathname);
  } catch {
    return null;
  }
  if (pathname.includes('\\') || pathname.includes('\0')) return null;
  const parts = pathname.split('/').filter((part) => part !== '');
  if (parts.some((part) => part === '..' || part === '.')) return null;
  return parts.length === 0 ? 'index.html' : parts.join('/');
}

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  json: 'application/json',
};

export function contentTypeFor(file: string): string {
  const ext = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}
