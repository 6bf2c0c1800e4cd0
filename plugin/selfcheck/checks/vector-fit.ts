// How Figma fits a vector node's box to a vector network (and to vectorPaths) whose Bézier
// control points stick out of the vertices' box (not documented: https://developers.figma.com/docs/plugins/api/properties/VectorNode-vectornetwork). The emulator
// assumes the box of the vertices and control points; the plugin sets both kinds (plugin/render/apply.ts).
import { defineCheck, r2 } from '../check';
import { candidateBoxes, classifyVectorFit, PROBE_NETWORK, PROBE_PATH } from '../../../shared/selfcheck/vector-fit';
import { EMULATOR_DEFAULTS } from '../../../shared/selfcheck/report';

const AT = { x: 200, y: 200 };

function describe(v: VectorNode): string {
  const boxes = candidateBoxes();
  const fits = (Object.keys(boxes) as Array<keyof typeof boxes>).map((k) => `${k} ${r2(boxes[k].width)}×${r2(boxes[k].height)}`).join(', ');
  return `placed at (${AT.x}, ${AT.y}); now x ${r2(v.x)}, y ${r2(v.y)}, ${r2(v.width)}×${r2(v.height)} (candidates: ${fits})`;
}

export const vectorNetworkFit = defineCheck('vectorNetworkFit', 'A vector network is fitted to its vertices and control points', async ({ figma, scratch, root }) => {
  const v = scratch.track(figma.createVector());
  root.appendChild(v);
  v.x = AT.x;
  v.y = AT.y;
  await v.setVectorNetworkAsync(PROBE_NETWORK as unknown as VectorNetwork);
  const fit = classifyVectorFit(v);
  return { pass: fit === EMULATOR_DEFAULTS.vectorFit, observed: `${fit ?? 'no candidate matches'}: ${describe(v)}`, found: { vectorFit: fit } };
});

export const vectorPathsFit = defineCheck('vectorPathsFit', 'vectorPaths are fitted to their vertices and control points', async ({ figma, scratch, root }) => {
  const v = scratch.track(figma.createVector());
  root.appendChild(v);
  v.x = AT.x;
  v.y = AT.y;
  v.vectorPaths = [{ windingRule: 'NONE', data: PROBE_PATH }];
  const fit = classifyVectorFit(v);
  return { pass: fit === EMULATOR_DEFAULTS.vectorFit, observed: `${fit ?? 'no candidate matches'}: ${describe(v)}; path data now ${JSON.stringify(v.vectorPaths[0]?.data ?? '')}` };
});
