// What Figma gives a plugin iframe opened with `themeColors: true`: a class on <html>
// ("figma-light" / "figma-dark") and --figma-color-* variables in a <style id="figma-style">.
// The values are close to Figma's UI3 tokens (light and dark); they are for looking at the panel,
// not a specification.
export type Theme = 'light' | 'dark';

const LIGHT: Record<string, string> = {
  bg: '#ffffff',
  'bg-secondary': '#f5f5f5',
  'bg-tertiary': '#e6e6e6',
  'bg-hover': '#f5f5f5',
  'bg-pressed': '#e6e6e6',
  'bg-brand': '#0d99ff',
  'bg-brand-hover': '#007be5',
  'bg-brand-tertiary': '#e5f4ff',
  'bg-danger-tertiary': '#ffe2e0',
  'bg-success-tertiary': '#dcf5e7',
  'bg-warning-tertiary': '#fff1c2',
  border: '#e6e6e6',
  'border-strong': '#2c2c2c',
  'border-selected': '#0d99ff',
  'border-danger': '#f24822',
  'border-success': '#14ae5c',
  'border-warning': '#ffc21a',
  text: 'rgba(0, 0, 0, 0.9)',
  'text-secondary': 'rgba(0, 0, 0, 0.5)',
  'text-tertiary': 'rgba(0, 0, 0, 0.3)',
  'text-brand': '#007be5',
  'text-danger': '#dc3412',
  'text-onbrand': '#ffffff',
  'text-success': '#009951',
  'text-warning': '#b86200',
  icon: 'rgba(0, 0, 0, 0.9)',
};

const DARK: Record<string, string> = {
  bg: '#2c2c2c',
  'bg-secondary': '#383838',
  'bg-tertiary': '#444444',
  'bg-hover': '#383838',
  'bg-pressed': '#444444',
  'bg-brand': '#0c8ce9',
  'bg-brand-hover': '#0a6dc2',
  'bg-brand-tertiary': '#394360',
  'bg-danger-tertiary': '#4d2a24',
  'bg-success-tertiary': '#233d2f',
  'bg-warning-tertiary': '#45391b',
  border: '#444444',
  'border-strong': '#ffffff',
  'border-selected': '#0c8ce9',
  'border-danger': '#e03e1a',
  'border-success': '#198f51',
  'border-warning': '#f7d15f',
  text: '#ffffff',
  'text-secondary': 'rgba(255, 255, 255, 0.7)',
  'text-tertiary': 'rgba(255, 255, 255, 0.4)',
  'text-brand': '#7cc4f8',
  'text-danger': '#fca397',
  'text-onbrand': '#ffffff',
  'text-success': '#79d297',
  'text-warning': '#f7d15f',
  icon: '#ffffff',
};

export function themeCss(theme: Theme): string {
  const vars = theme === 'dark' ? DARK : LIGHT;
  return `:root{${Object.entries(vars)
    .map(([k, v]) => `--figma-color-${k}:${v};`)
    .join('')}}`;
}

/** The plugin's HTML as Figma serves it: theme class on <html> and the variables in <head>. */
export function withTheme(html: string, theme: Theme): string {
  const style = `<style id="figma-style">${themeCss(theme)}</style>`;
  let out = /<html[\s>]/i.test(html) ? html.replace(/<html(\s|>)/i, `<html class="figma-${theme}"$1`) : `<html class="figma-${theme}">${html}</html>`;
  out = /<head(\s[^>]*)?>/i.test(out) ? out.replace(/<head(\s[^>]*)?>/i, (m) => `${m}${style}`) : out.replace(/<html[^>]*>/i, (m) => `${m}<head>${style}</head>`);
  return out;
}

/** Switches an already loaded panel, as Figma does when the user changes its theme. */
export function applyTheme(doc: Document, theme: Theme): void {
  const root = doc.documentElement;
  root.classList.remove('figma-light', 'figma-dark');
  root.classList.add(`figma-${theme}`);
  let style = doc.getElementById('figma-style');
  if (!style) {
    style = doc.createElement('style');
    style.id = 'figma-style';
    doc.head.prepend(style);
  }
  style.textContent = themeCss(theme);
}
