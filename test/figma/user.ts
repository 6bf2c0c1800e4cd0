/**
 * Test-side "user": edits made as a person would in the editor. They bypass the font rule (the person has
 * the font), are not counted as plugin writes, and produce nodechange events with origin LOCAL (this
 * user) or REMOTE (another collaborator).
 */
import type { Ctx } from './context';
import type { BaseImpl } from './nodes/base';
import { SceneImpl } from './nodes/scene';
import { TextImpl } from './nodes/text';
import { FrameImpl } from './nodes/frame';

export interface UserOptions {
  origin?: 'LOCAL' | 'REMOTE';
}

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
  /** Cmd+D: clone (plugin data included) and insert right after the original. Returns the copy. */
  duplicate(node: unknown, opts?: UserOptions): any {
    const n = this.scene(node);
    return this.run(opts, () => {
      const copy = n.clone();
      const p = n.parentImpl!;
      p.insertChild(p.kids.indexOf(n) + 1, copy);
      return copy;
    });
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
