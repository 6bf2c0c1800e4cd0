/**
 * Auto-layout engine. Computes what Figma would: hug sizes, FILL shares, alignment, wrap, text auto-resize.
 * Runs lazily: writes mark a layout root dirty (Ctx.markLayout); reads of geometry call Ctx.ensureLayout().
 * Sources: @figma/plugin-typings AutoLayoutMixin (L7700-L8160) / AutoLayoutChildrenMixin;
 * figma/mcp-server-guide skills/figma-use/references/gotchas.md.
 */
import type { BaseImpl } from './nodes/base';
import { SceneImpl } from './nodes/scene';
import { FrameImpl, GroupImpl } from './nodes/frame';
import { TextImpl } from './nodes/text';

type Axis = 'H' | 'V';

export function layoutNode(n: BaseImpl): void {
  if (n instanceof FrameImpl) {
    if (n.isAutoLayout()) layoutFrame(n);
    // Non-auto-layout frames: children keep their positions; nested auto layout is its own root.
  } else if (n instanceof TextImpl) n.autoSize();
  else if (n instanceof GroupImpl) {
    for (const k of n.kids) layoutNode(k);
    n.updateBounds();
  } else if (n.type === 'PAGE' || n.type === 'DOCUMENT' || n.type === 'SECTION') {
    for (const k of n.kids) layoutNode(k);
  }
  n.layoutDirty = false;
}

const size = (n: SceneImpl, a: Axis) => (a === 'H' ? n._w : n._h);
/** Figma stores floats; round layout results to 1e-4 px so sums of many children stay readable. */
const r4 = (v: number) => Math.round(v * 10000) / 10000;
function setAxis(n: SceneImpl, a: Axis, v: number): void {
  if (n instanceof GroupImpl) return; // groups take their children's bounds
  if (a === 'H') n.setSize(r4(v), n._h);
  else n.setSize(n._w, r4(v));
}
function clamp(n: SceneImpl, a: Axis, v: number): number {
  const mn = a === 'H' ? n._min.minWidth : n._min.minHeight;
  const mx = a === 'H' ? n._min.maxWidth : n._min.maxHeight;
  if (mx !== null && v > mx) v = mx;
  if (mn !== null && v < mn) v = mn;
  return v;
}
function place(n: SceneImpl, x: number, y: number): void {
  if (n instanceof GroupImpl) {
    n.updateBounds();
    n.shift(r4(x - n._x), r4(y - n._y));
  } else {
    n._x = r4(x);
    n._y = r4(y);
  }
}

/** The size an auto-layout frame would hug to on an axis; 0 for anything without auto layout. */
function contentSize(k: SceneImpl, a: Axis): number {
  if (!(k instanceof FrameImpl) || !k.isAutoLayout()) return 0;
  const onPrimary = (k._layoutMode === 'HORIZONTAL') === (a === 'H');
  const saved = onPrimary ? k._primarySizing : k._counterSizing;
  const savedAlign = k._layoutAlign;
  if (onPrimary) k._primarySizing = 'AUTO';
  else k._counterSizing = 'AUTO';
  k._layoutAlign = 'INHERIT';
  layoutFrame(k);
  const v = size(k, a);
  if (onPrimary) k._primarySizing = saved;
  else k._counterSizing = saved;
  k._layoutAlign = savedAlign;
  return v;
}

export function layoutFrame(f: FrameImpl): void {
  const P: Axis = f._layoutMode === 'HORIZONTAL' ? 'H' : 'V';
  const C: Axis = P === 'H' ? 'V' : 'H';
  const padP0 = P === 'H' ? f._pad.paddingLeft : f._pad.paddingTop;
  const padP1 = P === 'H' ? f._pad.paddingRight : f._pad.paddingBottom;
  const padC0 = P === 'H' ? f._pad.paddingTop : f._pad.paddingLeft;
  const padC1 = P === 'H' ? f._pad.paddingBottom : f._pad.paddingRight;
  const all = f.kids.filter((k): k is SceneImpl => k instanceof SceneImpl);
  const flow = all.filter((k) => k._visible && k._layoutPositioning === 'AUTO');
  for (const k of all) if (!flow.includes(k)) layoutNode(k);

  const hugP = f.hugsAxis(P) && !f.fillsAxis(P);
  const hugC = f.hugsAxis(C) && !f.fillsAxis(C);
  const fillP = (k: SceneImpl) => k._layoutGrow > 0;
  const fillC = (k: SceneImpl) => k._layoutAlign === 'STRETCH';
  // WRAP on either axis (typings L7875): lines run along the primary axis and stack on the counter axis.
  const wrap = f._layoutWrap === 'WRAP';
  const gap = f._itemSpacing;

  const innerC = () => size(f, C) - padC0 - padC1;
  // 1. counter-axis FILL children take the inner counter size of a fixed parent.
  if (!hugC && !wrap) for (const k of flow) if (fillC(k)) setAxis(k, C, Math.max(0, clamp(k, C, innerC())));
  // 2. natural sizes of non-FILL children.
  for (const k of flow) if (!fillP(k) || hugP || wrap) layoutNode(k);

  const primaryPass = () => {
    if (hugP && !wrap) {
      const sum = flow.reduce((s, k) => s + size(k, P), 0) + Math.max(0, flow.length - 1) * gap;
      setAxis(f, P, Math.max(0.01, clamp(f, P, sum + padP0 + padP1)));
    } else if (!wrap) {
      const fills = flow.filter(fillP);
      if (fills.length) {
        const fixed = flow.filter((k) => !fillP(k)).reduce((s, k) => s + size(k, P), 0);
        let free = size(f, P) - padP0 - padP1 - fixed - Math.max(0, flow.length - 1) * gap;
        // Distribute, honouring min/max (simple two-round solver).
        let rest = fills;
        for (let round = 0; round < 3 && rest.length; round++) {
          const share = Math.max(0, free / rest.length);
          const next: SceneImpl[] = [];
          for (const k of rest) {
            const v = clamp(k, P, share);
            if (v !== share && round < 2) {
              setAxis(k, P, v);
              free -= v;
            } else next.push(k);
          }
          if (next.length === rest.length) {
            for (const k of next) setAxis(k, P, Math.max(0, clamp(k, P, share)));
            rest = [];
          } else rest = next;
        }
        for (const k of fills) layoutNode(k);
      }
    }
  };
  primaryPass();

  // 3. counter axis.
  if (!wrap) {
    if (hugC) {
      // A FILL child that is itself an auto-layout frame cannot be smaller than its content:
      // the hugging parent grows to the tallest content, then every FILL child stretches to it
      // ("ancestor hugs, parent fills, child fixed" is a valid Figma setup; like CSS flex stretch).
      // [unverified] assumptions.fillInHugRowGrows (README "Assumptions"). false: FILL children do not size the frame;
      // it hugs its other children, or keeps its current size when every child FILLs, and the FILL children collapse to it.
      const grows = f.ctx.assumptions.fillInHugRowGrows;
      const sized = grows ? flow : flow.filter((k) => !fillC(k));
      if (grows || sized.length) {
        const maxC = sized.reduce((m, k) => Math.max(m, fillC(k) ? contentSize(k, C) : size(k, C)), 0);
        setAxis(f, C, Math.max(0.01, clamp(f, C, maxC + padC0 + padC1)));
      }
      // FILL children in a hugging parent take the size of the largest sibling (collapse if none).
      let changed = false;
      for (const k of flow) if (fillC(k)) {
        setAxis(k, C, Math.max(0, clamp(k, C, innerC())));
        layoutNode(k);
        changed = true;
      }
      if (changed) primaryPass();
    }
  }

  // 4. positions.
  const pos = (k: SceneImpl, p: number, c: number) => (P === 'H' ? place(k, p, c) : place(k, c, p));
  const crossAlign = (k: SceneImpl, lineStart: number, lineSize: number) => {
    const a = f._counterAlign;
    const ks = size(k, C);
    if (a === 'CENTER') return lineStart + (lineSize - ks) / 2;
    if (a === 'MAX') return lineStart + lineSize - ks;
    return lineStart;
  };
  const lineOut = (line: SceneImpl[], cStart: number, cSize: number) => {
    const inner = size(f, P) - padP0 - padP1;
    const used = line.reduce((s, k) => s + size(k, P), 0);
    let spacing = gap;
    let p = padP0;
    const a = f._primaryAlign;
    if (a === 'SPACE_BETWEEN' && line.length > 1) spacing = (inner - used) / (line.length - 1);
    else if (a === 'CENTER') p += (inner - used - gap * (line.length - 1)) / 2;
    else if (a === 'MAX') p += inner - used - gap * (line.length - 1);
    for (const k of line) {
      pos(k, p, crossAlign(k, cStart, cSize));
      p += size(k, P) + spacing;
    }
  };
  if (!wrap) lineOut(flow, padC0, innerC());
  else {
    const inner = size(f, P) - padP0 - padP1;
    const lines: SceneImpl[][] = [];
    let cur: SceneImpl[] = [];
    let used = 0;
    for (const k of flow) {
      const s = size(k, P);
      if (cur.length && used + gap + s > inner + 0.01) {
        lines.push(cur);
        cur = [];
        used = 0;
      }
      used += (cur.length ? gap : 0) + s;
      cur.push(k);
    }
    if (cur.length) lines.push(cur);
    const cGap = f._counterAxisSpacing ?? gap; // null syncs with itemSpacing (typings L8118)
    const heights = lines.map((l) => l.reduce((m, k) => Math.max(m, size(k, C)), 0));
    if (hugC) setAxis(f, C, Math.max(0.01, heights.reduce((s, h) => s + h, 0) + cGap * Math.max(0, lines.length - 1) + padC0 + padC1));
    let c = padC0;
    lines.forEach((l, i) => {
      lineOut(l, c, heights[i]!);
      c += heights[i]! + cGap;
    });
  }
  f.layoutDirty = false;
}

export function layoutAxisSize(n: SceneImpl, a: Axis): number {
  return size(n, a);
}
