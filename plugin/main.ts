// Sandbox entry: open the UI and answer its requests. Everything else lives in small modules.
import { connectBus } from './bus';
import { createHandlers } from './handlers';
import { createMapService } from './map/service';

figma.showUI(__html__, { themeColors: true, width: 520, height: 720, title: 'Journey Mapper' });
const maps = createMapService(figma);
const bus = connectBus(figma.ui, createHandlers(figma, maps));
maps.attach(bus);
