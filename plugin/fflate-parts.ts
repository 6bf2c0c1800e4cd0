// The parts of fflate the sandbox uses, required lazily by plugin/lazy-fflate.ts.
export { Deflate, Inflate } from 'fflate';
