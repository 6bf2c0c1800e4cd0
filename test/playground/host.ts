// The playground page: the real plugin (dist/code.js) runs here against the Figma emulator, its real
// UI (dist/ui.html) runs in an iframe, and the two talk through the same postMessage bridge Figma
// uses. The canvas beside it shows and edits what the plugin drew (canvas.ts).
//
// Query parameters:
//   ?theme=dark          open the panel in Figma's dark theme (also the header toggle)
//   ?fonts=roboto        the file only has Roboto: drawing fails with FONT_MISSING (an error path)
//   ?editor=figjam       run as in FigJam
import './shims';
import { createFigma, emulatorOf, DEFAULT_FONTS, type Emulator } from '../figma/index';
import { CanvasView } from './canvas';
import { runBundleInPage } from './sandbox-runner';
import { applyTheme, withTheme, type Theme } from './theme';

interface Playground {
  emu: Emulator;
  figma: PluginAPI;
  canvas: CanvasView;
  iframe: HTMLIFrameElement;
  /** Every message that crossed the bridge, in order. */
  log: Array<{ direction: 'toPlugin' | 'toUI'; message: unknown }>;
  setTheme(theme: Theme): void;
}

declare global {
  interface Window {
    playground?: Playground;
    playgroundError?: string;
  }
}

const params = new URLSearchParams(location.search);
let theme: Theme = params.get('theme') === 'dark' ? 'dark' : 'light';
const fontsParam = params.get('fonts');
const fonts = fontsParam === 'roboto' ? DEFAULT_FONTS.filter((f) => f.family === 'Roboto') : undefined;
const editorType = params.get('editor') === 'figjam' ? 'figjam' : 'figma';

async function fetchText(path: string): Promise<string> {
  const res = await fetch(path, { cache: 'no-store' });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.text();
}

function fail(message: string): void {
  window.playgroundError = message;
  const box = document.getElementById('fatal');
  if (box) {
    box.hidden = false;
    box.textContent = message;
  }
  console.error(message);
}

async function main(): Promise<void> {
  const [code, html] = await Promise.all([fetchText('/dist/code.js'), fetchText('/dist/ui.html')]);
  const figma = createFigma({ editorType, documentAccess: 'dynamic-page', ...(fonts ? { fonts: [...fonts] } : {}) });
  const emu = emulatorOf(figma);
  const log: Playground['log'] = [];

  const canvas = new CanvasView(document.getElementById('canvas-host')!, emu);
  const win = document.getElementById('plugin-window')!;
  const title = document.getElementById('plugin-title')!;
  const iframe = document.getElementById('plugin-frame') as HTMLIFrameElement;

  // Plugin -> UI: what figma.ui.postMessage sent, delivered as Figma does ({ pluginMessage }).
  let loaded = false;
  const queue: unknown[] = [];
  const deliver = (msg: unknown) => iframe.contentWindow?.postMessage({ pluginMessage: msg, pluginId: 'journey-mapper-dev' }, '*');
  emu.ui.onMessage((msg) => {
    log.push({ direction: 'toUI', message: msg });
    syncWindow();
    canvas.scheduleRender();
    if (loaded) deliver(msg);
    else queue.push(msg);
  });
  // UI -> plugin: parent.postMessage({ pluginMessage }, '*') from the iframe.
  window.addEventListener('message', (e) => {
    if (e.source !== iframe.contentWindow) return;
    const data = e.data as { pluginMessage?: unknown } | null;
    if (!data || typeof data !== 'object' || !('pluginMessage' in data)) return;
    log.push({ direction: 'toPlugin', message: data.pluginMessage });
    emu.ui.post(data.pluginMessage);
  });

  // figma.ui.resize / show / hide / close: the iframe follows the emulator's window state.
  let shownSize = '';
  const syncWindow = () => {
    const { width, height } = emu.ui.size;
    const key = `${width}x${height}`;
    if (key !== shownSize) {
      shownSize = key;
      iframe.style.width = `${width}px`;
      iframe.style.height = `${height}px`;
      win.dataset.size = key;
    }
    win.hidden = !emu.ui.open || !emu.ui.visible;
    const t = emu.ui.options?.title;
    if (t && title.textContent !== t) title.textContent = t;
    const closed = document.getElementById('plugin-closed')!;
    closed.hidden = !emu.recorders.closed;
  };
  window.setInterval(syncWindow, 250);

  runBundleInPage(emu, code, html);
  if (emu.ui.html === null) throw new Error('dist/code.js did not call figma.showUI');
  syncWindow();
  iframe.addEventListener('load', () => {
    loaded = true;
    for (const m of queue.splice(0)) deliver(m);
  });
  iframe.srcdoc = withTheme(emu.ui.html, theme);

  const setTheme = (next: Theme) => {
    theme = next;
    document.documentElement.dataset.panelTheme = next;
    const doc = iframe.contentDocument;
    if (doc) applyTheme(doc, next);
    for (const b of document.querySelectorAll<HTMLButtonElement>('[data-theme-choice]')) b.setAttribute('aria-pressed', String(b.dataset.themeChoice === next));
  };
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-theme-choice]')) {
    b.addEventListener('click', () => setTheme(b.dataset.themeChoice === 'dark' ? 'dark' : 'light'));
  }
  setTheme(theme);
  document.getElementById('reload')?.addEventListener('click', () => location.reload());
  const env = document.getElementById('env');
  if (env) env.textContent = `${editorType === 'figjam' ? 'FigJam' : 'Figma Design'} · fonts: ${fonts ? fonts.map((f) => `${f.family} ${f.style}`).join(', ') : 'Inter, Roboto'}`;

  canvas.render();
  window.playground = { emu, figma, canvas, iframe, log, setTheme };
  document.body.dataset.ready = 'true';
}

main().catch((e: unknown) => fail(`The playground could not start: ${e instanceof Error ? e.message : String(e)}`));
