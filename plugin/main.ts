// Sandbox entry. The manifest's menu starts the plugin with figma.command 'open' (the panel; also a
// map's relaunch button) or 'check' (the compatibility check, plugin/selfcheck). Everything else
// lives in small modules.
import { connectBus } from './bus';
import { createHandlers } from './handlers';
import { createMapService } from './map/service';
import { CHECK_COMMAND, startSelfCheckCommand } from './selfcheck/command';

if (figma.command === CHECK_COMMAND) {
  startSelfCheckCommand(figma);
} else {
  figma.showUI(__html__, { themeColors: true, width: 520, height: 720, title: 'Journey Mapper' });
  const maps = createMapService(figma);
  const bus = connectBus(figma.ui, createHandlers(figma, maps));
  maps.attach(bus);
}
