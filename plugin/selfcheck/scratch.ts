// Everything the compatibility check creates is registered here and removed by dispose(), which
// runs in a finally: nodes (children before parents, each on its own so one failure does not keep
// the rest) and variable collections. Nothing else in the file is touched or restored.

export class Scratch {
  private readonly nodes: SceneNode[] = [];
  private readonly cleanups: Array<() => void> = [];
  /** Problems met while cleaning up, for the report. */
  readonly problems: string[] = [];

  track<T extends SceneNode>(node: T): T {
    this.nodes.push(node);
    return node;
  }

  /** Another thing to undo at the end (a variable collection's remove()). */
  onDispose(fn: () => void): void {
    this.cleanups.push(fn);
  }

  /** Nodes registered and not yet removed. */
  leftovers(): SceneNode[] {
    return this.nodes.filter((n) => !n.removed);
  }

  dispose(): void {
    for (const fn of this.cleanups.splice(0).reverse()) {
      try {
        fn();
      } catch (e) {
        this.problems.push(e instanceof Error ? e.message : String(e));
      }
    }
    for (const n of [...this.nodes].reverse()) {
      try {
        if (!n.removed) n.remove();
      } catch (e) {
        this.problems.push(`${n.name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
}
