/**
 * Every rule the emulator enforces, with Figma's error text and the source it comes from: a URL, or a line of
 * @figma/plugin-typings plugin-api.d.ts (version 1.142.0, as installed; "typings Lnnn").
 * Messages marked APPROX are our best approximation: the exact Figma wording is not public.
 */

/** Thrown for any member the emulator does not implement. Never silently `undefined`. */
export function unsupported(name: string): Error {
  return new Error(`not supported by the emulator: ${name}`);
}

/**
 * Verbatim for property setters: https://github.com/figma/plugin-samples/pull/84 and
 * https://github.com/grab/cursor-talk-to-figma-mcp/issues/3 ("in set_characters: Cannot write to node with unloaded font …").
 * For methods (`method`), the `in <method>:` prefix follows Figma's other method errors ("in setPluginData: …"). APPROX for methods.
 */
export function unloadedFontError(prop: string, font: FontName, method = false): Error {
  return new Error(
    `in ${method ? '' : 'set_'}${prop}: Cannot write to node with unloaded font "${font.family} ${font.style}". ` +
      `Please call figma.loadFontAsync({ family: "${font.family}", style: "${font.style}" }) and await the returned promise first.`,
  );
}

/**
 * A font the editor cannot reach: loadFontAsync "only works to load fonts already accessible in the Figma editor"
 * (typings L1672; https://developers.figma.com/docs/plugins/api/properties/figma-loadfontasync). APPROX message
 * ("The font "Inter SemiBold" could not be loaded" is reported by plugin authors; no Figma source).
 */
export function fontNotAvailableError(font: FontName): Error {
  return new Error(`The font "${font.family} ${font.style}" could not be loaded`);
}

/**
 * "The total size of your entry (pluginId, key, value) cannot exceed 100 kB" (typings L6530; https://developers.figma.com/docs/plugins/api/properties/nodes-setplugindata).
 * Error text verbatim from Figma's notice quoted in https://github.com/tolgee/figma-plugin/issues/56 ; 100 kB = 102400 bytes.
 */
export const PLUGIN_DATA_LIMIT_BYTES = 102_400;
export function pluginDataTooLarge(method: 'setPluginData' | 'setSharedPluginData'): Error {
  return new Error(`in ${method}: This pluginData entry exceeds 100 kB per entry limit.`);
}

/** UTF-8 byte length without TextEncoder (not among the sandbox globals declared in @figma/plugin-typings index.d.ts). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Shared namespace: "The namespace must be at least 3 alphanumeric characters" (typings L6558). APPROX message. */
export function checkNamespace(method: string, ns: unknown): void {
  if (typeof ns !== 'string' || !/^[A-Za-z0-9_]*$/.test(ns) || (ns.match(/[A-Za-z0-9]/g) ?? []).length < 3) {
    throw new Error(`in ${method}: Namespace must be at least 3 alphanumeric characters`);
  }
}

/**
 * Character ranges: integers with 0 <= start < end <= length. getRangeAllFontNames "Throws if start === end (an empty
 * range)" (https://developers.figma.com/docs/plugins/api/properties/TextNode-getrangeallfontnames/); the emulator applies
 * the same to every range call. APPROX message.
 */
export function checkTextRange(method: string, start: unknown, end: unknown, length: number): asserts start is number {
  const int = (v: unknown) => typeof v === 'number' && Number.isInteger(v);
  if (!int(start) || !int(end) || (start as number) < 0 || (end as number) > length || (start as number) >= (end as number)) {
    throw new Error(`in ${method}: Expected "start" and "end" to be integers with 0 <= start < end <= ${length}, got ${String(start)} and ${String(end)}`);
  }
}

export function checkString(method: string, what: string, v: unknown): asserts v is string {
  if (typeof v !== 'string') throw new Error(`in ${method}: Expected "${what}" to be a string, got ${typeof v}`);
}

/** Source: https://github.com/DirectedEdges/specs-plugin-1/issues/93 and react-figma/react-figma#206 (verbatim Figma text). */
export function checkResize(method: string, w: number, h: number, allowZeroHeight = false): void {
  if (typeof w !== 'number' || !Number.isFinite(w) || w < 0.01) throw new Error(`in ${method}: Expected "width" to have value >= 0.01`);
  if (allowZeroHeight && h === 0) return;
  if (typeof h !== 'number' || !Number.isFinite(h) || h < 0.01) throw new Error(`in ${method}: Expected "height" to have value >= 0.01`);
}

/** Lines: "LineNode … must always be given a height of exactly 0" (typings L7505, LayoutMixin.resize). APPROX message. */
export function lineHeightMustBeZero(method: string): Error {
  return new Error(`in ${method}: Expected "height" to have value 0 for LINE nodes`);
}

/** Assigning a getter-only member (width/height/...). APPROX: QuickJS says "no setter for property". */
export function readOnlyError(prop: string): Error {
  return new TypeError(`no setter for property: ${prop} is read-only (use resize())`);
}

/**
 * Removed nodes: "Removes this node and all of its children from the document" (typings L6423;
 * https://developers.figma.com/docs/plugins/api/properties/nodes-remove); using one afterwards throws. APPROX message.
 */
export function removedNodeError(op: 'get' | 'set' | 'call', prop: string, id: string): Error {
  return new Error(`in ${op}_${prop}: The node with id "${id}" does not exist`);
}

/**
 * "HUG is only valid on auto-layout frames and text nodes. FILL is only valid on auto-layout children. Setting these values
 * when they don't apply will throw an error" (typings L7498). Verbatim messages: https://github.com/grab/cursor-talk-to-figma-mcp/pull/187 ;
 * figma/mcp-server-guide skills/figma-use/SKILL.md rule 12b.
 */
export function fillOnlyInAutoLayout(prop: string): Error {
  return new Error(`in set_${prop}: FILL can only be set on children of auto-layout frames`);
}
export function hugOnlyOnAutoLayout(prop: string): Error {
  return new Error(`in set_${prop}: HUG can only be set on auto-layout frames or text children of auto-layout frames`);
}
/** Source: https://github.com/DirectedEdges/specs-plugin-1/issues/164 */
export function minMaxOnlyAutoLayout(prop: string): Error {
  return new Error(`in set_${prop}: Can only set ${prop} on auto layout nodes and their children`);
}
/** layoutWrap needs HORIZONTAL or VERTICAL auto layout (@figma/plugin-typings plugin-api.d.ts L7875). APPROX message. */
export function wrapNeedsAutoLayout(): Error {
  return new Error('in set_layoutWrap: layoutWrap can only be set on layers with layoutMode HORIZONTAL or VERTICAL');
}
/** Enum validation, Figma style: `Expected 'FIXED' | 'AUTO', received 'FILL'` (figma/mcp-server-guide skills/figma-use/references/gotchas.md). */
export function checkEnum<T extends string>(prop: string, v: unknown, allowed: readonly T[]): asserts v is T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new Error(`in set_${prop}: Expected ${allowed.map((a) => `'${a}'`).join(' | ')}, received '${String(v)}'`);
  }
}
export function checkNumber(prop: string, v: unknown, min = -Infinity, max = Infinity): asserts v is number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`in set_${prop}: Expected "${prop}" to be a number`);
  if (v < min) throw new Error(`in set_${prop}: Expected "${prop}" to have value >= ${min}`);
  if (v > max) throw new Error(`in set_${prop}: Expected "${prop}" to have value <= ${max}`);
}

/**
 * Dynamic page: `in getNodeById: Cannot call with documentAccess: dynamic-page. Use figma.getNodeByIdAsync instead.`
 * (https://developers.figma.com/docs/plugins/api/api-errors/ ; https://developers.figma.com/docs/plugins/migrating-to-dynamic-loading).
 * The currentPage setter message: figma/mcp-server-guide skills/figma-use/references/gotchas.md.
 */
export function dynamicPageError(method: string, replacement: string): Error {
  return new Error(`in ${method}: Cannot call with documentAccess: dynamic-page. Use ${replacement} instead.`);
}
export const CURRENT_PAGE_SETTER_ERROR = 'Setting figma.currentPage is not supported';

/** Tree rules (typings ChildrenMixin.appendChild L7049-L7059; https://developers.figma.com/docs/plugins/api/properties/nodes-appendchild). APPROX messages. */
export function cycleError(method: string): Error {
  return new Error(`in ${method}: Cannot move node. A node cannot be a child of itself or of its descendants`);
}
export function rootOnlyPagesError(method: string): Error {
  return new Error(`in ${method}: The root node can only have page children`);
}
export function pageNotInSceneError(method: string): Error {
  return new Error(`in ${method}: Cannot move a page node into a scene node`);
}
/**
 * [unverified] Sections sit on a page or inside another section; Figma's editor offers no way to put one in a frame or
 * group, and the FigJam guide places them only so (figma/mcp-server-guide create-section.md). APPROX message.
 */
export function sectionParentError(method: string): Error {
  return new Error(`in ${method}: A SECTION node can only be a child of a PAGE or another SECTION`);
}
export function figjamOnly(method: string): Error {
  // In Design files createConnector "throws not a function" (https://github.com/planetscale/figma-diagram-generator/issues/1);
  // the typings say "This API is only available in FigJam" (L1240-L1271).
  return new TypeError(`${method} is not a function (this API is only available in FigJam)`);
}

/** Paint validation (typings Paint / SolidPaint / GradientPaint; https://developers.figma.com/docs/plugins/api/Paint). APPROX message. */
const PAINT_TYPES = ['SOLID', 'GRADIENT_LINEAR', 'GRADIENT_RADIAL', 'GRADIENT_ANGULAR', 'GRADIENT_DIAMOND', 'IMAGE'] as const;
export function validatePaints(prop: string, paints: unknown): Paint[] {
  if (!Array.isArray(paints)) throw new Error(`in set_${prop}: Expected an array of paints`);
  return paints.map((p: unknown, i) => validatePaint(prop, p, i));
}
function unit(prop: string, path: string, v: unknown): void {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) {
    throw new Error(`in set_${prop}: Property "${path}" failed validation: Expected number between 0 and 1, received ${String(v)}`);
  }
}
function validatePaint(prop: string, p: unknown, i: number): Paint {
  if (typeof p !== 'object' || p === null) throw new Error(`in set_${prop}: Property "[${i}]" failed validation: Expected object`);
  const paint = p as Record<string, unknown>;
  const type = paint['type'];
  if (typeof type !== 'string' || !(PAINT_TYPES as readonly string[]).includes(type)) {
    throw new Error(`in set_${prop}: Property "[${i}].type" failed validation: Invalid discriminator value. Expected ${PAINT_TYPES.map((t) => `'${t}'`).join(' | ')}`);
  }
  if (paint['opacity'] !== undefined) unit(prop, `[${i}].opacity`, paint['opacity']);
  if (paint['visible'] !== undefined && typeof paint['visible'] !== 'boolean') throw new Error(`in set_${prop}: Property "[${i}].visible" failed validation: Expected boolean`);
  const checkColor = (c: unknown, path: string, alpha: boolean) => {
    if (typeof c !== 'object' || c === null) throw new Error(`in set_${prop}: Property "${path}" failed validation: Required`);
    const col = c as Record<string, unknown>;
    for (const k of alpha ? ['r', 'g', 'b', 'a'] : ['r', 'g', 'b']) unit(prop, `${path}.${k}`, col[k]);
    for (const k of Object.keys(col)) if (!['r', 'g', 'b', ...(alpha ? ['a'] : [])].includes(k)) throw new Error(`in set_${prop}: Property "${path}.${k}" failed validation: Unrecognized key`);
  };
  if (type === 'SOLID') {
    checkColor(paint['color'], `[${i}].color`, false);
    return Object.freeze({ ...paint, color: Object.freeze({ ...(paint['color'] as RGB) }) }) as unknown as Paint;
  }
  if (type.startsWith('GRADIENT_')) {
    const stops = paint['gradientStops'];
    if (!Array.isArray(stops)) throw new Error(`in set_${prop}: Property "[${i}].gradientStops" failed validation: Required`);
    stops.forEach((s: unknown, j) => {
      const st = s as Record<string, unknown>;
      unit(prop, `[${i}].gradientStops[${j}].position`, st['position']);
      checkColor(st['color'], `[${i}].gradientStops[${j}].color`, true);
    });
    const t = paint['gradientTransform'];
    if (!Array.isArray(t) || t.length !== 2) throw new Error(`in set_${prop}: Property "[${i}].gradientTransform" failed validation: Required`);
    return deepFreeze(structuredClone(paint)) as unknown as Paint;
  }
  // IMAGE: minimal (imageHash + scaleMode)
  if (typeof paint['scaleMode'] !== 'string') throw new Error(`in set_${prop}: Property "[${i}].scaleMode" failed validation: Required`);
  return deepFreeze(structuredClone(paint)) as unknown as Paint;
}

/** Effects: DROP_SHADOW / INNER_SHADOW need color, offset, radius, blendMode; blurs need radius. APPROX messages. */
export function validateEffects(effects: unknown): Effect[] {
  if (!Array.isArray(effects)) throw new Error('in set_effects: Expected an array of effects');
  return effects.map((e: unknown, i) => {
    const ef = e as Record<string, unknown>;
    const type = ef?.['type'];
    if (type === 'DROP_SHADOW' || type === 'INNER_SHADOW') {
      const c = ef['color'] as Record<string, unknown> | undefined;
      if (!c) throw new Error(`in set_effects: Property "[${i}].color" failed validation: Required`);
      for (const k of ['r', 'g', 'b', 'a']) unit('effects', `[${i}].color.${k}`, c[k]);
      const o = ef['offset'] as Record<string, unknown> | undefined;
      if (!o || typeof o['x'] !== 'number' || typeof o['y'] !== 'number') throw new Error(`in set_effects: Property "[${i}].offset" failed validation: Required`);
      if (typeof ef['radius'] !== 'number' || (ef['radius'] as number) < 0) throw new Error(`in set_effects: Property "[${i}].radius" failed validation: Expected number >= 0`);
      if (typeof ef['blendMode'] !== 'string') throw new Error(`in set_effects: Property "[${i}].blendMode" failed validation: Required`);
      if (typeof ef['visible'] !== 'boolean') throw new Error(`in set_effects: Property "[${i}].visible" failed validation: Required`);
    } else if (type === 'LAYER_BLUR' || type === 'BACKGROUND_BLUR') {
      if (typeof ef['radius'] !== 'number') throw new Error(`in set_effects: Property "[${i}].radius" failed validation: Required`);
    } else {
      throw new Error(`in set_effects: Property "[${i}].type" failed validation: Invalid discriminator value`);
    }
    return deepFreeze(structuredClone(ef)) as unknown as Effect;
  });
}

export function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}

/**
 * vectorPaths data: absolute M/L/Q/C/Z, single spaces, numbers only (typings VectorPath;
 * https://developers.figma.com/docs/plugins/api/VectorPath). APPROX message.
 */
export function parseVectorPathData(data: unknown): Array<{ cmd: string; nums: number[] }> {
  const fail = (why: string) => new Error(`in set_vectorPaths: Invalid path data: ${why}`);
  if (typeof data !== 'string') throw fail('data must be a string');
  if (data.length === 0) return [];
  if (data !== data.trim() || /\s{2,}/.test(data) || /[\t\n\r,]/.test(data)) throw fail('commands must be separated by single spaces');
  const toks = data.split(' ');
  const out: Array<{ cmd: string; nums: number[] }> = [];
  const arity: Record<string, number> = { M: 2, L: 2, Q: 4, C: 6, Z: 0 };
  let i = 0;
  while (i < toks.length) {
    const cmd = toks[i++]!;
    const n = arity[cmd];
    if (n === undefined) throw fail(`unsupported command "${cmd}" (only absolute M, L, Q, C, Z)`);
    if (out.length === 0 && cmd !== 'M') throw fail('path must start with M');
    const nums: number[] = [];
    for (let k = 0; k < n; k++) {
      const t = toks[i++];
      if (t === undefined || !/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) throw fail(`expected a number after "${cmd}", got "${t ?? ''}"`);
      nums.push(Number(t));
    }
    out.push({ cmd, nums });
  }
  return out;
}

/** setRelaunchData: "This method will throw if description exceeds 1000 characters" (typings L6444). APPROX message. */
export function checkRelaunchData(data: unknown): void {
  if (typeof data !== 'object' || data === null) throw new Error('in setRelaunchData: Expected an object');
  for (const [k, v] of Object.entries(data)) {
    if (typeof v !== 'string') throw new Error(`in setRelaunchData: Expected "${k}" to be a string`);
    if (v.length > 1000) throw new Error(`in setRelaunchData: Relaunch data description for "${k}" is too long (max 1000 characters)`);
  }
}

/** notify: "It is limited to 100 characters. Longer messages will be truncated" (typings L229). */
export const NOTIFY_MAX = 100;
/** clientStorage: 5 MB per plugin (https://developers.figma.com/docs/plugins/api/figma-clientStorage). APPROX message. */
export const CLIENT_STORAGE_QUOTA = 5 * 1024 * 1024;

/**
 * "Calling figma.closePlugin() disables callbacks and Figma APIs. It does not, however, abort the
 * plugin. Any lines of Javascript after this call will also run … [and] will throw an exception
 * because access to figma.currentPage has been disabled" (typings plugin-api.d.ts L173-182). APPROX message.
 */
export function closedError(method: string): Error {
  return new Error(`in ${method}: The plugin has been closed. Figma APIs are disabled.`);
}
