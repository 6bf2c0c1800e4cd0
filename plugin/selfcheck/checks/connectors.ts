// Do FigJam connectors accept frames nested several levels deep as endpoints? The emulator accepts
// any existing node. The map's FigJam arrows live on the page and attach to cards inside the map's nested frames (plugin/render/render.ts).
import { defineCheck, errorText } from '../check';
import { NOT_AVAILABLE } from '../../../shared/selfcheck/report';

const DEPTH = 3;

function nest({ figma, scratch }: { figma: PluginAPI; scratch: { track<T extends SceneNode>(n: T): T } }, parent: FrameNode, x: number): FrameNode {
  let at = parent;
  for (let i = 0; i < DEPTH; i++) {
    const f = scratch.track(figma.createFrame());
    at.appendChild(f);
    f.resize(200 - i * 40, 200 - i * 40);
    f.x = i === 0 ? x : 20;
    f.y = i === 0 ? 0 : 20;
    at = f;
  }
  return at;
}

export const connectorNestedEndpoints = defineCheck('connectorNestedEndpoints', `FigJam connectors attach to frames nested ${DEPTH} levels deep`, async ({ figma, scratch, root }) => {
  if (figma.editorType !== 'figjam') return { pass: true, observed: `${NOT_AVAILABLE}: connectors exist only in FigJam (editor: ${figma.editorType})` };
  const from = nest({ figma, scratch }, root, 0);
  const to = nest({ figma, scratch }, root, 400);
  const connector = scratch.track(figma.createConnector());
  try {
    connector.connectorStart = { endpointNodeId: from.id, magnet: 'AUTO' };
    connector.connectorEnd = { endpointNodeId: to.id, magnet: 'AUTO' };
  } catch (e) {
    return { pass: false, observed: `refused: ${errorText(e)}`, found: { connectorNestedEndpoints: false } };
  }
  const start = connector.connectorStart;
  const end = connector.connectorEnd;
  const startId = 'endpointNodeId' in start ? start.endpointNodeId : '(a position)';
  const endId = 'endpointNodeId' in end ? end.endpointNodeId : '(a position)';
  const ok = startId === from.id && endId === to.id;
  return { pass: ok, observed: `endpoints read back: start ${startId} (set ${from.id}), end ${endId} (set ${to.id})`, found: { connectorNestedEndpoints: ok } };
});
