// The real Mermaid parser, for tests: the `mermaid` package (devDependency) under a happy-dom
// window, as Mermaid needs a DOM to load (DOMPurify). `parseWithMermaid` runs Mermaid's own path
// from text to a diagram (Diagram.fromText: detectType, encodeEntities, the journey parser, its
// db) and returns what the journey renderer draws: sections, tasks with scores and actors, title
// and accessibility texts, with entity codes decoded as Mermaid's renderer decodes them.
import { Window } from 'happy-dom';

export interface MermaidTask {
  section: string;
  task: string;
  score: number;
  people: string[];
}

export interface MermaidJourney {
  title: string;
  accTitle: string;
  accDescr: string;
  sections: string[];
  tasks: MermaidTask[];
  actors: string[];
}

type MermaidApi = {
  initialize(c: object): void;
  mermaidAPI: { getDiagramFromText(text: string): Promise<{ db: Record<string, () => unknown> }> };
};

let loaded: Promise<MermaidApi> | undefined;

function load(): Promise<MermaidApi> {
  loaded ??= (async () => {
    const g = globalThis as Record<string, unknown>;
    if (!g.document) {
      const window = new Window();
      for (const k of ['window', 'document', 'DOMParser', 'Element', 'HTMLElement', 'Node', 'navigator', 'SVGElement', 'DocumentFragment']) {
        if (!(k in g)) Object.defineProperty(g, k, { value: k === 'window' ? window : (window as unknown as Record<string, unknown>)[k], configurable: true, writable: true });
      }
    }
    const m = (await import('mermaid')).default as unknown as MermaidApi;
    m.initialize({ startOnLoad: false, securityLevel: 'strict' });
    return m;
  })();
  return loaded;
}

/** Mermaid's placeholders for entity codes (utils.ts encodeEntities) back to characters, as its renderer's decodeEntities + the browser do. */
export function decodeMermaid(text: string): string {
  const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", colon: ':', semi: ';', num: '#', comma: ',', percnt: '%', nbsp: '\u00a0', lbrace: '{', rbrace: '}' };
  return text
    .replace(/ﬂ°°(\d+)¶ß/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/ﬂ°(\w+)¶ß/g, (whole, n: string) => (Object.prototype.hasOwnProperty.call(named, n) ? named[n]! : `&${n};`));
}

/** Parses `text` with the real Mermaid; throws Mermaid's error when it refuses the text. */
export async function parseWithMermaid(text: string): Promise<MermaidJourney> {
  const m = await load();
  const diagram = await m.mermaidAPI.getDiagramFromText(text);
  const db = diagram.db;
  const tasks = (db.getTasks!() as Array<{ section: string; task: string; score: number; people: string[] }>).map((t) => ({
    section: decodeMermaid(t.section),
    task: decodeMermaid(t.task),
    score: t.score,
    people: t.people.map(decodeMermaid),
  }));
  return {
    title: decodeMermaid(String(db.getDiagramTitle?.() ?? '')),
    accTitle: decodeMermaid(String(db.getAccTitle?.() ?? '')),
    accDescr: decodeMermaid(String(db.getAccDescription?.() ?? '')),
    sections: (db.getSections!() as string[]).map(decodeMermaid),
    tasks,
    actors: (db.getActors!() as string[]).map(decodeMermaid),
  };
}
