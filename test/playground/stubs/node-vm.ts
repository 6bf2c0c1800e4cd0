// Browser stand-in for node:vm. The playground runs dist/code.js itself (see ../sandbox-runner.ts),
// so emu.loadBundle (which needs node:vm) must not be called in the browser.
export function createContext(): never {
  throw new Error('emu.loadBundle needs node:vm and does not run in the browser; the playground runs the bundle itself');
}
export function runInContext(): never {
  return createContext();
}
