/**
 * The Content-Security-Policy of every page of the app, sent by the desktop shell's app
 * protocol and by the browser-mode host alike, so the renderer tested in browser mode meets
 * the same rules as the desktop window. Nothing inline is allowed, with one exception by hash:
 * react-aria's press handling injects one fixed `<style>` (a touch-action rule for its
 * pressable elements). The end-to-end tests fail on any CSP violation, so a library update that
 * changes that style is caught and its new hash put here.
 */
export const REACT_ARIA_PRESS_STYLE_HASH = "'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o='";

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' ${REACT_ARIA_PRESS_STYLE_HASH}`,
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
