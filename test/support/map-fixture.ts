// Draws journeys with the plugin's own map service on a fresh emulator, for render and sync tests
// (the end-to-end tests in test/dist go through the built bundle instead).
import { loadJourney } from '../../shared/model/envelope';
import type { Journey } from '../../shared/model/types';
import type { Push } from '../../shared/messages';
import { StyleOptionsSchema, type StyleOptions, type StyleOptionsInput } from '../../shared/style/options';
import { EXAMPLES } from '../../shared/examples/index';
import type { Bus, RequestContext } from '../../plugin/bus';
import { createMapService } from '../../plugin/map/service';
import { findTagged, readTag } from '../../plugin/render/tags';
import { createFigma, emulatorOf, type Emulator } from '../figma/index';
import type { EmulatorAssumptions } from '../figma/assumptions';

export const ctx: RequestContext = { requestId: 't', progress: () => {} };

export function example(id: string): Journey {
  const e = EXAMPLES.find((x) => x.id === id);
  if (!e) throw new Error(`no example ${id}`);
  const loaded = loadJourney(e.envelope);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  return loaded.value.journey;
}

export const EXAMPLE_IDS = EXAMPLES.map((e) => e.id);

export interface Stage {
  figma: PluginAPI;
  emu: Emulator;
  service: ReturnType<typeof createMapService>;
  pushes: Push[];
}

export function stage(editorType: 'figma' | 'figjam' = 'figma', fonts?: FontName[], assumptions?: Partial<EmulatorAssumptions>): Stage {
  const figma = createFigma({ editorType, documentAccess: 'dynamic-page', ...(fonts ? { fonts } : {}), ...(assumptions ? { assumptions } : {}) });
  const emu = emulatorOf(figma);
  const service = createMapService(figma);
  const pushes: Push[] = [];
  let queue: Promise<void> = Promise.resolve();
  const bus: Bus = {
    push: (m) => void pushes.push({ ...m, v: 1 } as Push),
    enqueue: (job) => (queue = queue.then(job).catch((e: unknown) => console.error(e))),
    idle: () => queue,
  };
  service.attach(bus);
  return { figma, emu, service, pushes };
}

export const style = (input: StyleOptionsInput = {}): StyleOptions => StyleOptionsSchema.parse(input);

export async function draw(s: Stage, journey: Journey, st: StyleOptions = style(), targetNodeId?: string) {
  const reply = await s.service.renderAsync(journey, st, targetNodeId, ctx);
  const map = (await s.figma.getNodeByIdAsync(reply.nodeId)) as FrameNode;
  await s.emu.flush();
  return { reply, map };
}

/** Every tagged original under a map (and FigJam connectors beside it), as [kind, id, field?] strings. */
export function taggedEntities(map: FrameNode, page?: PageNode): string[] {
  const out: string[] = [];
  const nodes: SceneNode[] = [map, ...findTagged(map)];
  if (page) nodes.push(...page.findAllWithCriteria({ types: ['CONNECTOR'] }));
  for (const node of nodes) {
    const tag = readTag(node);
    if (tag?.t && tag.n === node.id) out.push(tag.t.join('|') + `@${node.type}`);
  }
  return out;
}

/** Text of every tagged text node, by key. */
export function textsByKey(map: FrameNode): Map<string, string> {
  const out = new Map<string, string>();
  for (const node of map.findAllWithCriteria({ types: ['TEXT'] })) {
    const tag = readTag(node);
    if (tag) out.set(tag.k, node.characters);
  }
  return out;
}
