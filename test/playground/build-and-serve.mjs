// `npm start`: (after `node build.mjs`) builds the playground and serves it on 127.0.0.1.
// PORT picks the port (default 5173; a busy port falls back to a free one).
import { buildPlayground } from './build.mjs';
import { startServer } from './server.mjs';

const wanted = process.env.PORT ? Number(process.env.PORT) : 5173;
if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) {
  console.error(`PORT must be a port number; got "${process.env.PORT}"`);
  process.exit(2);
}
await buildPlayground();
const { url, port } = await startServer({ port: wanted });
if (port !== wanted && wanted !== 0) console.log(`Port ${wanted} is busy; using ${port}.`);
console.log(`Journey Mapper playground: ${url}`);
console.log('The real dist/ui.html and dist/code.js run against the Figma emulator in that page.');
console.log('The plugin itself is loaded into Figma from manifest.json (Plugins > Development > Import plugin from manifest…).');
console.log('Press Ctrl+C to stop.');
