// Instrumentation (emulator-only; no Figma source). Counts follow README "Instrumentation".
import { describe, expect, it } from 'vitest';
import { createFigma, emulatorOf } from './index';

describe('instrumentation', () => {
  it('counts nodes created, writes (identical values included), plugin data, moves, resize, removals', () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    const f = figma.createFrame();
    const r = figma.createRectangle();
    f.name = 'a';
    f.name = 'a';
    f.setPluginData('k', 'v');
    f.appendChild(r);
    r.resize(10, 10);
    r.remove();
    const s = emu.stats();
    expect(s.nodesCreated).toBe(2);
    expect(s.writesByProperty).toMatchObject({ name: 2, setPluginData: 1, appendChild: 1, resize: 1, remove: 1 });
    expect(s.writes).toBe(2 + 2 + 1 + 1 + 1 + 1); // + createFrame/createRectangle
    expect(s.removals).toBe(1);
    emu.resetStats();
    expect(emu.stats().writes).toBe(0);
  });

  it('user edits are not counted as plugin writes', () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    const t = figma.createText();
    emu.resetStats();
    emu.user.setText(t, 'x');
    emu.user.move(t, 1, 2);
    expect(emu.stats().writes).toBe(0);
  });

  it('forcedLayoutReads: reading geometry of auto-layout children while layout is dirty', () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    const col = figma.createFrame();
    col.layoutMode = 'VERTICAL';
    const kids = [1, 2, 3].map(() => figma.createRectangle());
    kids.forEach((k) => col.appendChild(k));
    emu.resetStats();
    void kids[0]!.y; // dirty → forced
    void kids[1]!.y; // clean now → not forced
    expect(emu.stats().forcedLayoutReads).toBe(1);
    kids[2]!.resize(5, 5);
    void col.height; // hugging auto-layout frame while dirty → forced
    expect(emu.stats().forcedLayoutReads).toBe(2);
    const free = figma.createRectangle();
    free.x = 3;
    void free.x; // not layout-dependent
    expect(emu.stats().forcedLayoutReads).toBe(2);
  });

  it('longestSliceMs measures synchronous plugin work started by a message delivery', async () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    figma.showUI('');
    figma.ui.onmessage = () => {
      const end = performance.now() + 30;
      while (performance.now() < end) {
        /* busy */
      }
    };
    emu.resetStats();
    emu.ui.post({ type: 'go' });
    await emu.flush();
    await new Promise((r) => setImmediate(r));
    const s = emu.stats();
    // The busy loop is all plugin time; only GC pauses (other workers' load) may be taken out.
    expect(s.longestSliceMsWithGc).toBeGreaterThanOrEqual(29);
    expect(s.longestSliceMs).toBeLessThanOrEqual(s.longestSliceMsWithGc);
    expect(s.longestSliceMs).toBeGreaterThanOrEqual(15);
    expect(s.slices).toBeGreaterThanOrEqual(1);
  });

  it('awaiting an emulator async API ends the slice', async () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    figma.showUI('');
    figma.ui.onmessage = async () => {
      const busy = (ms: number) => {
        const end = performance.now() + ms;
        while (performance.now() < end) {
          /* busy */
        }
      };
      busy(15);
      await figma.loadFontAsync({ family: 'Inter', style: 'Regular' });
      busy(15);
    };
    emu.resetStats();
    emu.ui.post({});
    await emu.flush();
    await new Promise((r) => setTimeout(r, 5));
    const s = emu.stats();
    expect(s.slices).toBeGreaterThanOrEqual(2);
    expect(s.longestSliceMs).toBeLessThan(28);
    expect(s.longestSliceMsWithGc).toBeGreaterThanOrEqual(14);
  });
});

describe('instrumentation: dirty tracking is local', () => {
  it('a write outside auto layout does not make clean auto-layout reads count as forced', () => {
    const figma = createFigma();
    const emu = emulatorOf(figma);
    const plain = figma.createFrame(); // no auto layout
    const col = figma.createFrame();
    col.layoutMode = 'VERTICAL';
    plain.appendChild(col);
    const kid = figma.createRectangle();
    col.appendChild(kid);
    void kid.y; // lays out
    const other = figma.createFrame();
    other.layoutMode = 'HORIZONTAL';
    other.appendChild(figma.createRectangle()); // another root becomes dirty
    plain.resize(300, 300); // plain frame: no layout root
    emu.resetStats();
    void kid.y; // its own root is clean
    expect(emu.stats().forcedLayoutReads).toBe(0);
    void other.width; // dirty hugging auto-layout frame
    expect(emu.stats().forcedLayoutReads).toBe(1);
  });
});

describe('slice timing excludes the emulator\'s own layout work', () => {
  it('time inside exclude() does not count towards the slice (Figma lays out natively)', async () => {
    const { SliceTimer } = await import('./instrument');
    const { emptyStats } = await import('./instrument');
    const stats = emptyStats();
    const timer = new SliceTimer(() => stats);
    const busy = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end);
    };
    timer.run(() => {
      busy(2);
      timer.exclude(() => busy(120));
    });
    await new Promise((r) => setImmediate(r));
    timer.settle();
    expect(stats.slices).toBe(1);
    expect(stats.longestSliceMs).toBeGreaterThanOrEqual(1.5);
    // 120 ms of excluded work, 2 ms of plugin work: generous bounds for a loaded machine.
    expect(stats.longestSliceMs).toBeLessThan(80);
    expect(stats.longestSliceMsWithGc).toBeLessThan(80);
  });
});

describe('slice estimate when the plugin runs in an engine of its own (QuickJS)', () => {
  it('counts the guest\'s time less its calls, plus the calls at Figma\'s cost; emulator work outside the guest is not the plugin\'s', async () => {
    const { SliceTimer, emptyStats } = await import('./instrument');
    const stats = emptyStats();
    const timer = new SliceTimer(() => stats);
    timer.reportsGuestTime();
    const busy = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end);
    };
    timer.run(() => {
      busy(60); // the emulator building an event's payload, before the guest runs
      timer.guest(12); // the guest ran 12 ms, 4 of them inside one call into the host
      timer.host('read', 4, 0.003);
    });
    await new Promise((r) => setImmediate(r));
    timer.settle();
    // The slice timed whole (V8's own GC pauses are taken out of longestSliceMs, so it can read a little under 60).
    expect(stats.longestSliceMsWithGc).toBeGreaterThanOrEqual(60);
    expect(stats.longestSliceMsEstimated).toBeCloseTo(8.003, 3);
    expect(stats.pluginCodeMs).toBeCloseTo(8, 3);
  });

  it('a slice in which the guest never ran adds nothing to the estimate', async () => {
    const { SliceTimer, emptyStats } = await import('./instrument');
    const stats = emptyStats();
    const timer = new SliceTimer(() => stats);
    timer.reportsGuestTime();
    timer.run(() => {
      const end = performance.now() + 30;
      while (performance.now() < end);
    });
    await new Promise((r) => setImmediate(r));
    expect(stats.longestSliceMsEstimated).toBe(0);
    expect(stats.busyMsEstimated).toBe(0);
  });
});

describe('unionLength (how excluded time inside a slice is added up)', () => {
  it('counts overlapping intervals once and clips them to the slice', async () => {
    const { unionLength } = await import('./instrument');
    expect(unionLength([[0, 10], [5, 15], [20, 30]], 0, 100)).toBe(25);
    expect(unionLength([[-5, 5], [95, 120]], 0, 100)).toBe(10);
    expect(unionLength([], 0, 100)).toBe(0);
  });
});
