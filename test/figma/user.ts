/**
 * Test-side "user": edits made as a person would in the editor. They bypass the font rule (the person has
 * the font), are not counted as plugin writes, and produce nodechange events with origin LOCAL (this
 * user) or REMOTE (another collaborator).
 */
import type { Ctx } from './context';
import type { BaseImpl } from './nodes/base';
import { SceneImpl } from './nodes/scene';
import { TextImpl } from './nodes/text';
import { FrameImpl, GroupImpl } from './nodes/frame';
import { groupNodes, moveKeepingPosition, pasteCopy, ungroupNode, type PasteTarget } from './tree-ops';

export interface UserOptions {
  origin?: 'LOCAL' | 'REMOTE';
}
export type { PasteTarget } from './tree-ops';

export class UserApi {
  constructor(private readonly ctx: Ctx, private readonly createTextImpl: () => TextImpl) {}

  private run<T>(opts: UserOptions | undefined, fn: () => T): T {
    return this.ctx.asUser(opts?.origin ?? 'LOCAL', fn);
  }
  private scene(n: unknown): SceneImpl {
    const r = this.ctx.raw<BaseImpl>(n, 'user');
    if (!(r instanceof SceneImpl)) throw new Error('user: expected a scene node');
    if (r.removed) throw new Error(`user: node ${r.id} was removed`);
    return r;
  }

  /** Type into a text node (replaces its characters). */
  setText(node: unknown, text: string, opts?: UserOptions): void {
    const t = this.scene(node);
    if (!(t instanceof TextImpl)) throw new Error('user.setText: not a text node');
    this.run(opts, () => {
      t.characters = text;
    });
  }
  /** Drag a node to x/y (in its parent's coordinates). In auto layout the position is overwritten by layout. */
  move(node: unknown, x: number, y: number, opts?: UserOptions): void {
    const n = this.scene(node);
    this.run(opts, () => {
      n.x = x;
      n.y = y;
    });
  }
  resize(node: unknown, width: number, height: number, opts?: UserOptions): void {
    const n = this.scene(node);
    this.run(opts, () => n.resize(width, height));
  }
  rename(node: unknown, name: string, opts?: UserOptions): void {
    const n = this.scene(node);
    this.run(opts, () => {
      n.name = name;
    });
  }
  /** Drag `node` into `parent` (e.g. into an auto-layout frame) at `index` (end by default). */
  appendChild(parent: unknown, node: unknown, index?: number, opts?: UserOptions): void {
    const p = this.ctx.raw<BaseImpl>(parent, 'user.appendChild');
    const n = this.scene(node);
    this.run(opts, () => (index === undefined ? p.appendChild(n.proxy) : p.insertChild(index, n.proxy)));
  }
  /** Select and press Delete. */
  remove(node: unknown, opts?: UserOptions): void {
    const n = this.scene(node);
    this.run(opts, () => n.remove());
  }
  /**
   * Cmd+D: a copy with new ids (node and descendants) right after the original, which stays. Plugin data as
   * `clone()` does (assumptions.pluginDataOnClone). Returns the copy.
   */
  duplicate(node: unknown, opts?: UserOptions): any {
    const n = this.scene(node);
    return this.run(opts, () => {
      const copy = n.clone();
      const p = n.parentImpl!;
      p.insertChild(p.kids.indexOf(n) + 1, copy);
      return copy;
    });
  }
  /**
   * Cmd+X then Cmd+V: the original is deleted and a new node is pasted, with a new id for it and every descendant.
   * Plugin data travels per assumptions.pluginDataOnPaste (default: as clone(); [unverified]). The paste lands in
   * `to.parent` (default: the original's parent) on top, at the original's absolute position unless `to.x`/`to.y`
   * say otherwise. Returns the pasted node. Events: DELETE of the original, CREATE of the paste.
   */
  cutAndPaste(node: unknown, to: PasteTarget = {}, opts?: UserOptions): any {
    const n = this.scene(node);
    const parent = to.parent === undefined ? n.parentImpl! : this.ctx.raw<BaseImpl>(to.parent, 'user.cutAndPaste');
    return this.run(opts, () => {
      const abs = n.absOrigin();
      n.remove();
      return pasteCopy(this.ctx, n, abs, parent, to).proxy;
    });
  }
  /** Cmd+C then Cmd+V: the original stays; the paste is a new node with new ids (see cutAndPaste for placement). */
  copyAndPaste(node: unknown, to: PasteTarget = {}, opts?: UserOptions): any {
    const n = this.scene(node);
    const parent = to.parent === undefined ? n.parentImpl! : this.ctx.raw<BaseImpl>(to.parent, 'user.copyAndPaste');
    return this.run(opts, () => pasteCopy(this.ctx, n, n.absOrigin(), parent, to).proxy);
  }
  /** Drag a node into a section, frame or group (or out to the page), keeping where it is on the canvas. */
  moveInto(parent: unknown, node: unknown, index?: number, opts?: UserOptions): void {
    const p = this.ctx.raw<BaseImpl>(parent, 'user.moveInto');
    const n = this.scene(node);
    this.run(opts, () => moveKeepingPosition(this.ctx, n, p, index));
  }
  /** Select nodes and press Cmd+G: a group in the first node's parent, children keep their canvas positions. */
  group(nodes: readonly unknown[], opts?: UserOptions): any {
    const raws = nodes.map((x) => this.scene(x));
    const parent = raws[0]?.parentImpl;
    if (!parent) throw new Error('user.group: nothing to group');
    return this.run(opts, () => groupNodes(this.ctx, 'user.group', raws, parent, parent.kids.indexOf(raws[raws.length - 1]!) + 1).proxy);
  }
  /** Cmd+Shift+G on a group: its children move to its parent at its place; the group disappears. Returns the children. */
  ungroup(group: unknown, opts?: UserOptions): any[] {
    const g = this.scene(group);
    if (!(g instanceof GroupImpl)) throw new Error('user.ungroup: not a group');
    return this.run(opts, () => ungroupNode(this.ctx, 'user.ungroup', g).map((k) => k.proxy));
  }
  /**
   * Pick another font for characters [start, end) in the properties panel. The person has every font (no load
   * needed, even one this editor lacks); the plugin must load it before its next layout write to this node.
   */
  setRangeFontName(node: unknown, start: number, end: number, font: FontName, opts?: UserOptions): void {
    const t = this.scene(node);
    if (!(t instanceof TextImpl)) throw new Error('user.setRangeFontName: not a text node');
    this.run(opts, () => t.setRangeFontName(start, end, font));
  }
  /** Change the size of characters [start, end). */
  setRangeFontSize(node: unknown, start: number, end: number, size: number, opts?: UserOptions): void {
    const t = this.scene(node);
    if (!(t instanceof TextImpl)) throw new Error('user.setRangeFontSize: not a text node');
    this.run(opts, () => t.setRangeFontSize(start, end, size));
  }
  /** Text tool: click into `parent` and type. */
  createText(parent: unknown, text: string, opts?: UserOptions & { x?: number; y?: number }): any {
    const p = this.ctx.raw<BaseImpl>(parent, 'user.createText');
    return this.run(opts, () => {
      const t = this.createTextImpl();
      t.characters = text;
      if (opts?.x !== undefined) t._x = opts.x;
      if (opts?.y !== undefined) t._y = opts.y;
      p.appendChild(t.proxy);
      this.ctx.events.record('CREATE', t);
      return t.proxy;
    });
  }
  select(nodes: readonly unknown[], opts?: UserOptions): void {
    const raws = nodes.map((n) => this.scene(n));
    const page = raws[0]?.pageOf() ?? this.ctx.currentPage;
    this.run(opts, () => {
      this.ctx.selection.set(page.id, raws);
      this.ctx.events.selectionChanged();
    });
  }
  /** Another plugin / collaborator writes plugin data (e.g. to test REMOTE pluginData changes). */
  setPluginData(node: unknown, key: string, value: string, opts?: UserOptions): void {
    const n = this.ctx.raw<BaseImpl>(node, 'user.setPluginData');
    this.run(opts, () => n.setPluginData(key, value));
  }
  /** Another plugin writes shared plugin data (anyone may: it is not bound to a plugin id). */
  setSharedPluginData(node: unknown, namespace: string, key: string, value: string, opts?: UserOptions): void {
    const n = this.ctx.raw<BaseImpl>(node, 'user.setSharedPluginData');
    this.run(opts, () => n.setSharedPluginData(namespace, key, value));
  }
  /** Change a fill colour from the properties panel. */
  setFills(node: unknown, fills: Paint[], opts?: UserOptions): void {
    const n = this.scene(node);
    this.run(opts, () => {
      n.fills = fills;
    });
  }
  setLayoutMode(node: unknown, mode: 'NONE' | 'HORIZONTAL' | 'VERTICAL', opts?: UserOptions): void {
    const n = this.scene(node);
    if (!(n instanceof FrameImpl)) throw new Error('user.setLayoutMode: not a frame');
    this.run(opts, () => {
      n.layoutMode = mode;
    });
  }
}
