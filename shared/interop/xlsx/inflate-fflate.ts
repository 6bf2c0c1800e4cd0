// Inflating .xlsx entries with fflate, for the command line, the preview and the tests (Node).
// The panel does not import this file: it inflates with the browser's DecompressionStream.
import { inflateSync } from 'fflate';
import { useInflate } from './zip';

// The output buffer is sized by the zip directory, so a zip bomb cannot grow past what it declares.
useInflate((data, size) => inflateSync(data, { out: new Uint8Array(size) }));
