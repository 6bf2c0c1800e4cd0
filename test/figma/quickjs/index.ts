// Importing this module makes `emu.loadBundle` able to run bundles in QuickJS (see ../engines.ts).
import { registerEngine } from '../engines';
import { runBundleQuickJS } from './host';

registerEngine('quickjs', runBundleQuickJS);

export { runBundleQuickJS } from './host';
