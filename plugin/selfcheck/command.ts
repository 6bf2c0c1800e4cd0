// The "check" menu command (manifest.json menu): the panel shows the compatibility report instead
// of the editor. The bus answers `launch` and `selfCheck` (plus notify and resizeWindow); the map
// requests are refused, since no map service runs in this mode.
import { REQUESTS, type RequestType } from '../../shared/messages';
import { connectBus, type Handlers } from '../bus';
import { PluginError } from '../errors';
import { runSelfCheck } from './run';

export const CHECK_COMMAND = 'check';

export function startSelfCheckCommand(figma: PluginAPI): void {
  figma.showUI(__html__, { themeColors: true, width: 520, height: 640, title: 'Journey Mapper: Figma compatibility' });
  const refuse = async () => {
    throw new PluginError('BAD_MESSAGE', 'Not available while the compatibility check runs: run Journey Mapper from the plugin menu.');
  };
  const handlers = Object.fromEntries((Object.keys(REQUESTS) as RequestType[]).map((t) => [t, refuse])) as unknown as Handlers;
  connectBus(figma.ui, {
    ...handlers,
    launch: async () => ({ command: CHECK_COMMAND }),
    selfCheck: async (_p, ctx) => ({ report: await runSelfCheck(figma, ctx.progress) }),
    async notify({ message, error }) {
      figma.notify(message.length > 100 ? `${message.slice(0, 99)}…` : message, { error: error ?? false });
      return {};
    },
    async resizeWindow({ width, height }) {
      figma.ui.resize(Math.round(width), Math.round(height));
      return {};
    },
  });
}
