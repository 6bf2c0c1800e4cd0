/**
 * What a call into Figma costs in the real editor, per kind, in microseconds: the bench multiplies
 * the plugin's calls by these to estimate a slice as Figma would run it (plugin code is measured in
 * QuickJS; the emulator answers calls in JavaScript at its own, different speed). No per-call
 * timings are published; the defaults are the middle of the ranges a review of the plugin assumed
 * (node creation and appendChild 30–100 µs, a property write 5–20 µs; reads are host calls too,
 * FigmaToCode: "reading node properties is computationally expensive",
 * https://github.com/bernaferrari/FigmaToCode/issues/177). The compatibility command measures
 * them in the real editor (report.costsMicros); costsFromReport turns a report into these.
 */
export type CallKind = 'create' | 'append' | 'write' | 'characters' | 'pluginData' | 'read' | 'find' | 'message' | 'timer';

export type CallCosts = Record<CallKind, number>;

export const DEFAULT_CALL_COSTS_US: CallCosts = {
  create: 60,
  append: 40,
  write: 12,
  characters: 40,
  pluginData: 20,
  read: 3,
  find: 500,
  message: 200,
  timer: 0,
};

/** The kind of a membrane crossing: op ('g' get, 's' set, 'c' call, 't'/'x' timers) and member name. */
export function kindOf(op: string, key: string): CallKind {
  if (op === 't' || op === 'x') return 'timer';
  if (op === 'g' || op === 'h' || op === 'k') return 'read';
  if (op === 's') return key === 'characters' ? 'characters' : 'write';
  if (key.startsWith('create')) return 'create';
  if (key === 'appendChild' || key === 'insertChild') return 'append';
  if (key === 'setPluginData' || key === 'setSharedPluginData' || key === 'setRelaunchData') return 'pluginData';
  if (key.startsWith('findAll') || key === 'findOne' || key === 'findChildren') return 'find';
  if (key === 'postMessage' || key === 'notify') return 'message';
  if (key.startsWith('get')) return 'read';
  return 'write';
}

/** Costs from a compatibility report's costsMicros (test/figma/reports), where it measured them. */
export function costsFromReport(costsMicros: Record<string, number>): Partial<CallCosts> {
  const out: Partial<CallCosts> = {};
  const take = (kind: CallKind, ...names: string[]) => {
    const values = names.map((n) => costsMicros[n]).filter((v): v is number => typeof v === 'number');
    if (values.length) out[kind] = values.reduce((a, b) => a + b, 0) / values.length;
  };
  take('create', 'createFrame', 'createText');
  take('append', 'appendChild');
  take('write', 'x', 'name', 'fills');
  take('characters', 'characters');
  take('pluginData', 'setPluginData', 'setSharedPluginData');
  return out;
}
