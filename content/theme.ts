/** Whether the site is showing its dark look, judged by what is painted behind the page. */
export function siteIsDark(doc: Document = document): boolean {
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const rgb = parseColor(getComputedStyle(element).backgroundColor);
    if (rgb && rgb.alpha > 0) return luminance(rgb) < 0.4;
  }
  return false;
}

function parseColor(value: string): { r: number; g: number; b: number; alpha: number } | null {
  const match = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(value);
  if (!match) return null;
  const alpha = match[4] === undefined ? 1 : match[4].endsWith('%') ? parseFloat(match[4]) / 100 : Number(match[4]);
  return { r: Number(match[1]), g: Number(match[2]), b: Number(match[3]), alpha };
}

/** Relative luminance (WCAG), 0 black to 1 white. */
function luminance({ r, g, b }: { r: number; g: number; b: number }): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}
