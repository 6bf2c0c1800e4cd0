// Converts our path subset (absolute M, L, C, Z) into a vector network, so each end of an open
// path can have its own stroke cap (an arrowhead at one end only). Every vertex carries its cap and
// join, because the node-level strokeCap/strokeJoin would be set on the whole network and erase
// them (https://developers.figma.com/docs/plugins/api/properties/nodes-strokecap/); a vertex
// without one falls back to the node's ("defaults to the node's property if left unspecified",
// https://developers.figma.com/docs/plugins/api/VectorNetwork/).
import type { Cap } from '../../shared/layout/spec';

interface Vertex {
  x: number;
  y: number;
  strokeCap: StrokeCap;
  strokeJoin: StrokeJoin;
}
interface Segment {
  start: number;
  end: number;
  tangentStart?: Vector;
  tangentEnd?: Vector;
}

const vertex = (x: number, y: number): Vertex => ({ x, y, strokeCap: 'ROUND', strokeJoin: 'ROUND' });

export function pathToNetwork(path: string, startCap: Cap, endCap: Cap): VectorNetwork {
  const tokens = path.trim().split(/\s+/);
  const vertices: Vertex[] = [];
  const segments: Segment[] = [];
  let i = 0;
  const num = () => {
    const v = Number(tokens[i++]);
    if (!Number.isFinite(v)) throw new Error(`bad number in path "${path}"`);
    return v;
  };
  while (i < tokens.length) {
    const cmd = tokens[i++];
    if (cmd === 'M') {
      vertices.push(vertex(num(), num()));
    } else if (cmd === 'L') {
      vertices.push(vertex(num(), num()));
      segments.push({ start: vertices.length - 2, end: vertices.length - 1 });
    } else if (cmd === 'C') {
      const c1 = { x: num(), y: num() };
      const c2 = { x: num(), y: num() };
      const end = { x: num(), y: num() };
      const from = vertices[vertices.length - 1];
      if (!from) throw new Error('path must start with M');
      vertices.push(vertex(end.x, end.y));
      segments.push({
        start: vertices.length - 2,
        end: vertices.length - 1,
        tangentStart: { x: c1.x - from.x, y: c1.y - from.y },
        tangentEnd: { x: c2.x - end.x, y: c2.y - end.y },
      });
    } else if (cmd === 'Z') {
      if (vertices.length > 1) segments.push({ start: vertices.length - 1, end: 0 });
    } else {
      throw new Error(`unsupported path command "${cmd}"`);
    }
  }
  const first = vertices[0];
  const last = vertices[vertices.length - 1];
  if (first) first.strokeCap = startCap;
  if (last && last !== first) last.strokeCap = endCap;
  return { vertices, segments, regions: [] };
}
