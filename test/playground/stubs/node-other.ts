// Any other node: built-in the emulator might import later. Importing it is fine; using it in the
// browser throws with a clear message.
const fail = (name: string) => () => {
  throw new Error(`${name} is a Node-only API and is not available in the playground`);
};
export const readFileSync = fail('fs.readFileSync');
export const writeFileSync = fail('fs.writeFileSync');
export const existsSync = () => false;
export const join = (...parts: string[]) => parts.join('/');
export const dirname = (p: string) => p.replace(/\/[^/]*$/, '');
export const resolve = join;
export const fileURLToPath = (u: string) => u;
export default {};
