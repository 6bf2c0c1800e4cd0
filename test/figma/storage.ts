/** figma.clientStorage: structured-cloned values, 5 MB quota (https://developers.figma.com/docs/plugins/api/figma-clientStorage). */
import { serialize } from 'node:v8';
import { CLIENT_STORAGE_QUOTA } from './constraints';

export class ClientStorage {
  readonly data = new Map<string, unknown>();
  /** Fault injection: when set, every call rejects with this message ("setAsync rejects on failure", typings clientStorage). */
  failing: string | null = null;
  constructor(private readonly later: <T>(fn: () => T) => Promise<T>) {}

  private call<T>(fn: () => T): Promise<T> {
    return this.later(() => {
      if (this.failing !== null) throw new Error(this.failing);
      return fn();
    });
  }

  /** Size of a value: bytes of its V8 structured-clone serialisation (+ key bytes). */
  static sizeOf(key: string, value: unknown): number {
    return Buffer.byteLength(key) + serialize(value).length;
  }
  used(): number {
    let n = 0;
    for (const [k, v] of this.data) n += ClientStorage.sizeOf(k, v);
    return n;
  }
  api(): ClientStorageAPI {
    return {
      getAsync: (key: string) => this.call(() => (this.data.has(key) ? structuredClone(this.data.get(key)) : undefined)),
      setAsync: (key: string, value: unknown) =>
        this.call(() => {
          if (typeof key !== 'string') throw new Error('in setAsync: Expected "key" to be a string');
          const copy = structuredClone(value);
          const prev = this.data.has(key) ? ClientStorage.sizeOf(key, this.data.get(key)) : 0;
          if (this.used() - prev + ClientStorage.sizeOf(key, copy) > CLIENT_STORAGE_QUOTA) {
            throw new Error('in setAsync: clientStorage quota exceeded (5 MB)');
          }
          this.data.set(key, copy);
        }),
      deleteAsync: (key: string) =>
        this.call(() => {
          this.data.delete(key);
        }),
      keysAsync: () => this.call(() => [...this.data.keys()]),
    };
  }
}
