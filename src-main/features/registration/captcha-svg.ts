// The captcha picture comes from outside the kiosk (the billing centre) and is shown in the
// renderer as an image. Only a plain SVG document is let through: no scripts, no event handlers, no
// links or references to fetch, no embedded HTML, no DTD tricks. Anything else is refused.

/** Longest picture accepted; a code drawn as text is a few kilobytes. */
export const MAX_CAPTCHA_SVG_LENGTH = 50_000;

/** An optional XML declaration and comments, then the `<svg` root element. */
const SVG_START = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<svg[\s>]/i;
const SVG_END = /<\/svg>\s*$/i;

const FORBIDDEN: ReadonlyArray<readonly [RegExp, string]> = [
  [/<\s*script/i, 'script element'],
  [/<\s*foreignObject/i, 'foreignObject element'],
  // Event handler attributes: onload=, onclick=, onmouseover= … (after whitespace, a quote or a slash).
  [/[\s"'/]on[a-z]+\s*=/i, 'event handler attribute'],
  [/\bhref\s*=/i, 'href or xlink:href attribute'],
  [/<!DOCTYPE|<!ENTITY/i, 'document type or entity declaration'],
  [/<\s*(?:iframe|embed|object|image|use|a|animate|set|handler|listener)[\s/>]/i, 'element that loads, links or scripts'],
  [/javascript:|vbscript:|data:/i, 'script or data URL'],
  [/@import|url\s*\(\s*['"]?\s*(?!#)/i, 'external reference in a style'],
];

export type CaptchaSvgVerdict = { safe: true } | { safe: false; reason: string };

/** Whether a picture from the billing centre is a plain SVG that may be shown to the customer. */
export function checkCaptchaSvg(svg: string): CaptchaSvgVerdict {
  if (svg.length === 0) return { safe: false, reason: 'empty' };
  if (svg.length > MAX_CAPTCHA_SVG_LENGTH) return { safe: false, reason: 'too large' };
  if (!SVG_START.test(svg) || !SVG_END.test(svg)) return { safe: false, reason: 'not an SVG document' };
  for (const [pattern, reason] of FORBIDDEN) {
    if (pattern.test(svg)) return { safe: false, reason };
  }
  return { safe: true };
}
