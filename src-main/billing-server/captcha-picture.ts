// The captcha picture: the code's characters drawn as SVG text, each tilted and shifted, over a
// few crossing lines. Only shapes and text: no scripts, no links, nothing a browser fetches.
import crypto from 'node:crypto';

export function captchaSvg(code: string): string {
  const jitter = (range: number) => (crypto.randomInt(0, 2 * range + 1) - range).toString();
  const characters = code
    .split('')
    .map((character, index) => {
      const x = 24 + index * 34;
      return `<text x="${x}" y="${50 + Number(jitter(6))}" transform="rotate(${jitter(18)} ${x} 40)">${character}</text>`;
    })
    .join('');
  const lines = Array.from(
    { length: 4 },
    () => `<line x1="0" y1="${crypto.randomInt(10, 70)}" x2="200" y2="${crypto.randomInt(10, 70)}" stroke="#5b6b80" stroke-width="2"/>`,
  ).join('');
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80" viewBox="0 0 200 80">' +
    '<rect width="200" height="80" fill="#f4f1e8"/>' +
    lines +
    `<g font-family="DejaVu Sans Mono, monospace" font-size="36" font-weight="700" fill="#1d2733">${characters}</g>` +
    '</svg>'
  );
}
