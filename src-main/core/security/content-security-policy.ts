// The renderer's Content-Security-Policy, the same in Electron and in browser mode: only the
// bundled origin's own scripts and styles, no inline script, no remote content, no framing.
export const CONTENT_SECURITY_POLICY_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self'",
  // Svelte sets a few computed positions through the style attribute (never script).
  'style-src-attr': "'unsafe-inline'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'media-src': "'self' data:",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
  'object-src': "'none'",
  'worker-src': "'none'",
};

export function contentSecurityPolicy(): string {
  return Object.entries(CONTENT_SECURITY_POLICY_DIRECTIVES)
    .map(([directive, value]) => `${directive} ${value}`)
    .join('; ');
}
