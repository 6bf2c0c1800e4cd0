// The growth curve (render time against card count) as an ASCII chart for the terminal and as an
// SVG for the README. Both draw the measured points and the straight line through the origin
// fitted to them (least squares), so a bend away from the line shows at a glance.

export interface Point {
  label: string;
  x: number;
  y: number;
}

export interface Series {
  name: string;
  points: Point[];
  color: string;
}

/** Slope of the least-squares line through the origin. */
export function slopeThroughOrigin(points: Point[]): number {
  const sxx = points.reduce((s, p) => s + p.x * p.x, 0);
  const sxy = points.reduce((s, p) => s + p.x * p.y, 0);
  return sxx ? sxy / sxx : 0;
}

/** R² of the line through the origin (1 = perfectly linear). */
export function rSquaredThroughOrigin(points: Point[]): number {
  const k = slopeThroughOrigin(points);
  const mean = points.reduce((s, p) => s + p.y, 0) / (points.length || 1);
  const ssRes = points.reduce((s, p) => s + (p.y - k * p.x) ** 2, 0);
  const ssTot = points.reduce((s, p) => s + (p.y - mean) ** 2, 0);
  return ssTot ? 1 - ssRes / ssTot : 1;
}

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

export function asciiChart(series: Series, opts: { width?: number; height?: number; xLabel?: string; yLabel?: string } = {}): string {
  const width = opts.width ?? 56;
  const height = opts.height ?? 12;
  const pts = series.points;
  const xMax = niceMax(Math.max(...pts.map((p) => p.x)));
  const yMax = niceMax(Math.max(...pts.map((p) => p.y)));
  const grid = Array.from({ length: height + 1 }, () => Array.from({ length: width + 1 }, () => ' '));
  const k = slopeThroughOrigin(pts);
  for (let c = 0; c <= width; c++) {
    const y = (k * (c / width) * xMax) / yMax;
    const r = Math.round(y * height);
    if (r >= 0 && r <= height) (grid[height - r] as string[])[c] = '·';
  }
  for (const p of pts) {
    const c = Math.round((p.x / xMax) * width);
    const r = height - Math.round((p.y / yMax) * height);
    const row = grid[r] as string[];
    row[c] = '●';
    const tag = p.label;
    for (let i = 0; i < tag.length && c + 2 + i <= width; i++) row[c + 2 + i] = tag[i] as string;
  }
  const yw = String(yMax).length;
  const lines = [`${opts.yLabel ?? series.name}`];
  grid.forEach((row, i) => {
    const v = i === 0 ? String(yMax) : i === height ? '0' : i === Math.round(height / 2) ? String(yMax / 2) : '';
    lines.push(`${v.padStart(yw)} ┤${row.join('')}`);
  });
  lines.push(`${' '.repeat(yw)} └${'─'.repeat(width + 1)}`);
  const xl = `0${' '.repeat(Math.max(1, Math.floor(width / 2) - 1))}${xMax / 2}`;
  lines.push(`${' '.repeat(yw + 2)}${xl}${String(xMax).padStart(width + 1 - xl.length)}`);
  lines.push(`${' '.repeat(yw + 2)}${opts.xLabel ?? 'x'}   (● measured, · linear fit through 0)`);
  return lines.join('\n');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A small line chart: several series against a shared x axis, each with its fitted line (dashed). */
export function svgChart(series: Series[], opts: { title: string; xLabel: string; yLabel: string; note?: string }): string {
  const W = 780;
  const H = 400;
  const m = { l: 64, r: 230, t: 44, b: 62 };
  const pw = W - m.l - m.r;
  const ph = H - m.t - m.b;
  const all = series.flatMap((s) => s.points);
  const xMax = niceMax(Math.max(...all.map((p) => p.x)));
  const yMax = niceMax(Math.max(...all.map((p) => p.y)));
  const X = (x: number) => m.l + (x / xMax) * pw;
  const Y = (y: number) => m.t + ph - (y / yMax) * ph;
  const f = (n: number) => Math.round(n * 10) / 10;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Inter, Helvetica, Arial, sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(`<text x="${m.l}" y="24" font-size="15" font-weight="600" fill="#1e1e1e">${esc(opts.title)}</text>`);
  for (let i = 0; i <= 4; i++) {
    const yv = (yMax / 4) * i;
    const xv = (xMax / 4) * i;
    out.push(`<line x1="${m.l}" x2="${m.l + pw}" y1="${f(Y(yv))}" y2="${f(Y(yv))}" stroke="#e6e6e6"/>`);
    out.push(`<text x="${m.l - 8}" y="${f(Y(yv) + 4)}" text-anchor="end" fill="#757575">${f(yv)}</text>`);
    out.push(`<line x1="${f(X(xv))}" x2="${f(X(xv))}" y1="${m.t + ph}" y2="${m.t + ph + 5}" stroke="#757575"/>`);
    out.push(`<text x="${f(X(xv))}" y="${m.t + ph + 19}" text-anchor="middle" fill="#757575">${f(xv)}</text>`);
  }
  out.push(`<line x1="${m.l}" x2="${m.l + pw}" y1="${m.t + ph}" y2="${m.t + ph}" stroke="#1e1e1e"/>`);
  out.push(`<line x1="${m.l}" x2="${m.l}" y1="${m.t}" y2="${m.t + ph}" stroke="#1e1e1e"/>`);
  out.push(`<text x="${m.l + pw / 2}" y="${H - 22}" text-anchor="middle" fill="#1e1e1e">${esc(opts.xLabel)}</text>`);
  out.push(`<text transform="translate(16 ${m.t + ph / 2}) rotate(-90)" text-anchor="middle" fill="#1e1e1e">${esc(opts.yLabel)}</text>`);
  if (opts.note) out.push(`<text x="${m.l}" y="${H - 6}" font-size="10" fill="#757575">${esc(opts.note)}</text>`);
  for (const p of series[0]?.points ?? []) {
    out.push(`<line x1="${f(X(p.x))}" x2="${f(X(p.x))}" y1="${m.t}" y2="${m.t + ph}" stroke="#f0f0f0"/>`);
    out.push(`<text x="${f(X(p.x) + 4)}" y="${m.t + ph - 6}" fill="#757575" font-weight="600">${esc(p.label)}</text>`);
  }
  series.forEach((s, si) => {
    const k = slopeThroughOrigin(s.points);
    const r2 = rSquaredThroughOrigin(s.points);
    const xEnd = Math.min(xMax, (yMax / (k || 1)) * 1);
    out.push(`<line x1="${X(0)}" y1="${Y(0)}" x2="${f(X(xEnd))}" y2="${f(Y(k * xEnd))}" stroke="${s.color}" stroke-width="1" stroke-dasharray="4 4" opacity="0.7"/>`);
    const path = s.points.map((p, i) => `${i ? 'L' : 'M'} ${f(X(p.x))} ${f(Y(p.y))}`).join(' ');
    out.push(`<path d="${path}" fill="none" stroke="${s.color}" stroke-width="2"/>`);
    for (const p of s.points) {
      out.push(`<circle cx="${f(X(p.x))}" cy="${f(Y(p.y))}" r="4" fill="${s.color}"/>`);
    }
    const ly = m.t + 8 + si * 38;
    out.push(`<line x1="${m.l + pw + 16}" x2="${m.l + pw + 36}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2"/>`);
    out.push(`<text x="${m.l + pw + 42}" y="${ly + 4}" fill="#1e1e1e">${esc(s.name)}</text>`);
    out.push(`<text x="${m.l + pw + 42}" y="${ly + 19}" font-size="10" fill="#757575">${k.toFixed(2)} ms/card, R² ${r2.toFixed(2)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
