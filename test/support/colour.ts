// Colour arithmetic for checks on what the panel draws: WCAG contrast ratios and the CIE76
// colour difference (ΔE) between two colours as a person sees them.

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** Reads `rgb(1, 2, 3)`, `rgba(1, 2, 3, 0.5)` and `color(srgb 0.1 0.2 0.3 / 0.5)` as Chromium writes computed colours. */
export function parseColour(text: string): Rgba {
  const rgb = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?\s*\)$/.exec(text.trim());
  if (rgb) return { r: +rgb[1], g: +rgb[2], b: +rgb[3], a: rgb[4] === undefined ? 1 : +rgb[4] };
  const srgb = /^color\(srgb\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)(?:\s*\/\s*([\d.]+))?\s*\)$/.exec(text.trim());
  if (srgb) return { r: +srgb[1] * 255, g: +srgb[2] * 255, b: +srgb[3] * 255, a: srgb[4] === undefined ? 1 : +srgb[4] };
  throw new Error(`cannot read the colour ${text}`);
}

/** `top` painted over an opaque `bottom`. */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const mix = (a: number, b: number): number => a * top.a + b * (1 - top.a);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

function linear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function luminance(c: Rgba): number {
  return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

/** WCAG 2 contrast ratio of two opaque colours (1 to 21). */
export function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

function lab(c: Rgba): [number, number, number] {
  const [r, g, b] = [linear(c.r), linear(c.g), linear(c.b)];
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 ΔE between two opaque colours: about 2 is barely visible, above 20 clearly different. */
export function deltaE(a: Rgba, b: Rgba): number {
  const [l1, a1, b1] = lab(a);
  const [l2, a2, b2] = lab(b);
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}

/** Tones that mean different things and must not look alike (failed and problem share red on purpose: problem is striped). */
const DISTINCT = ['waiting', 'running', 'ready', 'completed', 'failed', 'terminating'];

/**
 * What is wrong with the panel's tone colours on a background with a text colour: pairs of tones
 * closer than ΔE 20, and segment fills (the tone at `fill` opacity) on which the text has a contrast below 4.5.
 */
export function toneProblems(tones: Record<string, string>, background: string, text: string, fill = 0.3): string[] {
  const bg = over(parseColour(background), { r: 255, g: 255, b: 255, a: 1 });
  const fg = over(parseColour(text), bg);
  const problems: string[] = [];
  const opaque = Object.fromEntries(Object.entries(tones).map(([name, css]) => [name, over(parseColour(css), bg)]));
  for (let i = 0; i < DISTINCT.length; i++) {
    for (let j = i + 1; j < DISTINCT.length; j++) {
      const [a, b] = [DISTINCT[i], DISTINCT[j]];
      const d = deltaE(opaque[a], opaque[b]);
      if (d < 20) problems.push(`${a} and ${b} look alike (ΔE ${d.toFixed(1)})`);
    }
  }
  for (const [name, colour] of Object.entries(opaque)) {
    const ratio = contrast(fg, over({ ...colour, a: fill }, bg));
    if (ratio < 4.5) problems.push(`text on ${name} has contrast ${ratio.toFixed(2)}`);
  }
  return problems;
}
