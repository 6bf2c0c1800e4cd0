// Globals the Figma emulator (written for Node) reaches for at call time, provided for the browser.
// Imported first by host.ts. Kept minimal: only what test/figma uses.
type BufferShim = {
  byteLength(s: string): number;
  from(data: string | Uint8Array, encoding?: string): { toString(enc?: string): string } & Uint8Array;
};

const g = globalThis as unknown as { Buffer?: BufferShim; setImmediate?: (fn: () => void) => number };

if (!g.Buffer) {
  const enc = new TextEncoder();
  g.Buffer = {
    byteLength: (s: string) => enc.encode(s).length,
    from(data: string | Uint8Array, encoding?: string) {
      let bytes: Uint8Array;
      if (typeof data === 'string') {
        if (encoding === 'base64') {
          const bin = atob(data);
          bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
        } else bytes = enc.encode(data);
      } else bytes = new Uint8Array(data);
      const out = bytes as Uint8Array & { toString(enc?: string): string };
      out.toString = (e?: string) => {
        if (e === 'base64') {
          let bin = '';
          for (const b of bytes) bin += String.fromCharCode(b);
          return btoa(bin);
        }
        return new TextDecoder().decode(bytes);
      };
      return out;
    },
  };
}

if (!g.setImmediate) {
  // The emulator's slice timer ends a slice "at the next setImmediate"; a MessageChannel task is the
  // browser's closest equivalent (runs after the current task and its microtasks).
  const channel = new MessageChannel();
  const queue: Array<() => void> = [];
  channel.port1.onmessage = () => {
    const fn = queue.shift();
    fn?.();
  };
  g.setImmediate = (fn: () => void) => {
    queue.push(fn);
    channel.port2.postMessage(null);
    return 0;
  };
}

export {};
