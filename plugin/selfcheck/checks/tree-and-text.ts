// Smaller rules the emulator follows without a source (test/figma/README.md, "Behaviour still to
// confirm"): where insertChild puts a child of the same frame, what resize() does to auto-resizing
// text, and what a frame's sizing becomes when it gets auto layout.
import { defineCheck } from '../check';

export const insertChildSameParent = defineCheck('insertChildSameParent', 'insertChild(2, first child) of the same frame puts it before the child now at 2', async ({ figma, scratch, root }) => {
  const frame = scratch.track(figma.createFrame());
  root.appendChild(frame);
  const kids = ['a', 'b', 'c'].map((name) => {
    const r = scratch.track(figma.createRectangle());
    r.name = name;
    frame.appendChild(r);
    return r;
  });
  frame.insertChild(2, kids[0]!);
  const order = frame.children.map((c) => c.name).join('');
  return { pass: order === 'bac', observed: `children a, b, c; after insertChild(2, a): ${order.split('').join(', ')} (emulator: b, a, c; remove-then-insert would give b, c, a)` };
});

export const textResize = defineCheck('textResize', 'resize() on WIDTH_AND_HEIGHT text switches textAutoResize to NONE', async ({ figma, scratch, root }) => {
  await figma.loadFontAsync({ family: 'Inter', style: 'Regular' });
  const t = scratch.track(figma.createText());
  root.appendChild(t);
  t.fontName = { family: 'Inter', style: 'Regular' };
  t.characters = 'Compatibility';
  const before = t.textAutoResize;
  t.resize(200, 40);
  return { pass: before === 'WIDTH_AND_HEIGHT' && t.textAutoResize === 'NONE', observed: `textAutoResize ${before} → ${t.textAutoResize} after resize(200, 40); now ${Math.round(t.width)}×${Math.round(t.height)}` };
});

export const layoutModeSizing = defineCheck('layoutModeSizing', 'A 300×200 frame given auto layout hugs its primary axis and keeps its counter size', async ({ figma, scratch, root }) => {
  const f = scratch.track(figma.createFrame());
  root.appendChild(f);
  f.resize(300, 200);
  f.layoutMode = 'VERTICAL';
  const ok = f.primaryAxisSizingMode === 'AUTO' && f.counterAxisSizingMode === 'FIXED' && Math.round(f.width) === 300;
  return { pass: ok, observed: `primaryAxisSizingMode ${f.primaryAxisSizingMode}, counterAxisSizingMode ${f.counterAxisSizingMode}, now ${Math.round(f.width)}×${Math.round(f.height)}` };
});
