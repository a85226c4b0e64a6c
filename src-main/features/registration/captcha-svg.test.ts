import { describe, expect, it } from 'vitest';
import { captchaSvg } from '../../billing-server/captcha-picture';
import { checkCaptchaSvg, MAX_CAPTCHA_SVG_LENGTH } from './captcha-svg';

const plain =
  '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80"><rect width="200" height="80" fill="#eee"/>' +
  '<g font-family="DejaVu Sans Mono, monospace"><text x="10" y="50">6F218</text></g></svg>';

describe('checkCaptchaSvg', () => {
  it('accepts a plain SVG picture, with or without an XML declaration', () => {
    expect(checkCaptchaSvg(plain)).toEqual({ safe: true });
    expect(checkCaptchaSvg(`<?xml version="1.0" encoding="UTF-8"?>\n${plain}\n`)).toEqual({ safe: true });
    expect(checkCaptchaSvg(`<!-- code -->${plain}`)).toEqual({ safe: true });
  });

  it('accepts the pictures the reference billing server draws', () => {
    for (const code of ['6F218', 'ABCDE', '23456', 'ZZZZZ']) expect(checkCaptchaSvg(captchaSvg(code))).toEqual({ safe: true });
  });

  it.each([
    ['empty', ''],
    ['not SVG at all', '<html><body>6F218</body></html>'],
    ['text before the svg element', `hello ${plain}`],
    ['an unclosed document', plain.replace('</svg>', '')],
    ['HTML wrapping an SVG', `<div>${plain}</div>`],
    ['a script element', plain.replace('</svg>', '<script>alert(1)</script></svg>')],
    ['a script element in capitals', plain.replace('</svg>', '<SCRIPT>alert(1)</SCRIPT></svg>')],
    ['an onload attribute', plain.replace('<svg ', '<svg onload="alert(1)" ')],
    ['an onclick attribute without spaces', plain.replace('<rect ', '<rect/onclick=alert(1) ')],
    ['an event handler in capitals', plain.replace('<rect ', '<rect ONMOUSEOVER = "x()" ')],
    ['an href', plain.replace('</svg>', '<a href="https://evil.example/"><text>x</text></a></svg>')],
    ['an xlink:href', plain.replace('</svg>', '<use xlink:href="#x"/></svg>')],
    ['an external image', plain.replace('</svg>', '<image href="https://evil.example/p.png"/></svg>')],
    ['a foreignObject', plain.replace('</svg>', '<foreignObject><div>6F218</div></foreignObject></svg>')],
    ['a DTD with entities', `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "y">]>${plain}`],
    ['a javascript: URL', plain.replace('fill="#eee"', 'fill="javascript:alert(1)"')],
    ['an external url() in a style', plain.replace('fill="#eee"', 'style="fill:url(https://evil.example/f)"')],
    ['an @import in a style', plain.replace('</svg>', '<style>@import "https://evil.example/x.css";</style></svg>')],
  ])('refuses %s', (_name, svg) => {
    expect(checkCaptchaSvg(svg).safe).toBe(false);
  });

  it('allows a url() that points inside the picture (gradients, patterns)', () => {
    expect(checkCaptchaSvg(plain.replace('fill="#eee"', 'fill="url(#noise)"'))).toEqual({ safe: true });
  });

  it('refuses a picture larger than the limit', () => {
    const padded = plain.replace('</svg>', `<!--${'x'.repeat(MAX_CAPTCHA_SVG_LENGTH)}--></svg>`);
    expect(checkCaptchaSvg(padded)).toEqual({ safe: false, reason: 'too large' });
  });
});
