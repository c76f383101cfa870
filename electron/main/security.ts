/**
 * Applies the pure decisions of security-policy.ts to Electron: the session (network,
 * permissions, CSP header) and every webContents (navigation, redirects, new windows,
 * webviews). Called once, before any window exists.
 */
import { app, session, type Session } from 'electron';
import {
  contentSecurityPolicy,
  isAllowedNavigation,
  isAllowedPageUrl,
  isAllowedPermission,
  isAllowedRequest,
  isAllowedWindowOpen,
  type UrlPolicyOptions,
} from './security-policy';

export function hardenSession(target: Session, options: UrlPolicyOptions): void {
  // Offline by design: cancel every http(s)/ws(s) request (spellcheck, updates, fonts...).
  target.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, options) });
  });
  // The CSP goes on the app's own pages only (the app:// handler also sets it); Chromium's
  // PDF viewer, which shows the packet preview, keeps its own policy.
  target.webRequest.onHeadersReceived((details, callback) => {
    if (!isAllowedPageUrl(details.url, options)) return callback({});
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicy(options)],
      },
    });
  });
  target.setPermissionRequestHandler((_contents, permission, callback) => callback(isAllowedPermission(permission)));
  target.setPermissionCheckHandler((_contents, permission) => isAllowedPermission(permission));
  target.setSpellCheckerEnabled(false);
  // The PDF viewer's own download button would save a packet outside Save PDF (no audit
  // line, no atomic write): packets are saved only through the app.
  target.on('will-download', (event) => event.preventDefault());
}

export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    // The target is read from the event: the positional url arguments are deprecated.
    contents.on('will-navigate', (event) => {
      if (!isAllowedNavigation(contents.getURL(), event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isAllowedNavigation(contents.getURL(), event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => (isAllowedWindowOpen(url) ? { action: 'allow' } : { action: 'deny' }));
  });
}

export function hardenDefaultSession(options: UrlPolicyOptions): void {
  hardenSession(session.defaultSession, options);
}
