// Does a row that hugs its height grow to the tallest content of cells that FILL its height? The
// emulator assumes it does (Figma describes "hug" ancestors with "fill" children this way, but no
// source gives the numbers). The map's lanes are such rows.
import { defineCheck, r2 } from '../check';

const TALL = 120;
const SHORT = 20;

export const fillInHugRow = defineCheck('fillInHugRow', 'FILL-height cells in a HUG row grow the row to their content', async ({ figma, scratch, root }) => {
  const row = scratch.track(figma.createFrame());
  root.appendChild(row);
  row.name = 'hug row';
  row.fills = [];
  row.layoutMode = 'HORIZONTAL';
  row.primaryAxisSizingMode = 'AUTO';
  row.counterAxisSizingMode = 'AUTO';
  row.itemSpacing = 0;
  const cells: FrameNode[] = [];
  for (const h of [TALL, SHORT]) {
    const cell = scratch.track(figma.createFrame());
    row.appendChild(cell);
    cell.name = `cell ${h}`;
    cell.layoutMode = 'VERTICAL';
    cell.primaryAxisSizingMode = 'AUTO';
    cell.counterAxisSizingMode = 'FIXED';
    cell.resize(80, 10);
    const content = scratch.track(figma.createRectangle());
    cell.appendChild(content);
    content.resize(80, h);
    cell.layoutSizingVertical = 'FILL';
    cells.push(cell);
  }
  const heights = cells.map((c) => r2(c.height));
  const grows = Math.abs(row.height - TALL) < 0.5 && heights.every((h) => Math.abs(h - TALL) < 0.5);
  return {
    pass: grows,
    observed: `row height ${r2(row.height)} (content ${TALL}), cell heights ${heights.join(', ')}, row counterAxisSizingMode ${row.counterAxisSizingMode}, cells layoutSizingVertical ${cells.map((c) => c.layoutSizingVertical).join(', ')}`,
    found: { fillInHugRowGrows: grows },
  };
});
