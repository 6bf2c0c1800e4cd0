// FigJam nodes. Sources: @figma/plugin-typings plugin-api.d.ts ConnectorNode / ConnectorEndpoint / StickyNode / ShapeWithTextNode;
// https://developers.figma.com/docs/plugins/api/properties/figma-createconnector ; Figma's FigJam guide, GitHub figma/mcp-server-guide
// figma-power/steering/figma-use-figjam/references/create-connector.md ("Adding a Text Label").
import { describe, expect, it } from 'vitest';
import { createFigma, emulatorOf } from './index';

describe('figjam', () => {
  it('connector endpoints, line type and caps are validated', () => {
    const figma = createFigma({ editorType: 'figjam' });
    const a = figma.createShapeWithText();
    const c = figma.createConnector();
    c.connectorStart = { endpointNodeId: a.id, magnet: 'AUTO' };
    c.connectorEnd = { position: { x: 300, y: 40 } };
    c.connectorLineType = 'STRAIGHT';
    c.connectorEndStrokeCap = 'TRIANGLE_FILLED';
    expect(c.connectorStart).toEqual({ endpointNodeId: a.id, magnet: 'AUTO' });
    expect(() => {
      c.connectorEnd = { endpointNodeId: '9:9', magnet: 'AUTO' };
    }).toThrow(/not found/);
    expect(() => {
      c.connectorStart = { endpointNodeId: a.id, magnet: 'MIDDLE' as 'AUTO' };
    }).toThrow(/received 'MIDDLE'/);
    expect(() => {
      c.connectorLineType = 'WAVY' as 'STRAIGHT';
    }).toThrow(/connectorLineType/);
    expect(() => {
      (c as { cornerRadius: number }).cornerRadius = 4;
    }).toThrow(/read-only/);
  });

  it('text sublayers need the font loaded; unknown sublayer members throw', async () => {
    const figma = createFigma({ editorType: 'figjam' });
    const s = figma.createSticky();
    expect(() => {
      s.text.characters = 'x';
    }).toThrow('in set_characters: Cannot write to node with unloaded font "Inter Medium".');
    await figma.loadFontAsync({ family: 'Inter', style: 'Medium' });
    s.text.characters = 'note';
    expect(s.text.characters).toBe('note');
    expect(() => (s.text as unknown as { hyperlink: unknown }).hyperlink).toThrow('not supported by the emulator: TextSublayer.hyperlink');
  });

  it('stickies are 240 wide (416 when wide); shapes resize', () => {
    const figma = createFigma({ editorType: 'figjam' });
    const s = figma.createSticky();
    expect(s.width).toBe(240);
    s.isWideWidth = true;
    expect(s.width).toBe(416);
    const sh = figma.createShapeWithText();
    sh.resize(120, 60);
    sh.shapeType = 'ELLIPSE';
    expect([sh.width, sh.height, sh.shapeType]).toEqual([120, 60, 'ELLIPSE']);
  });

  it('a new connector\'s text.fontName is invalid until set: loading it fails, characters cannot be written (APPROX errors)', async () => {
    // figma/mcp-server-guide figma-power/steering/figma-use-figjam/references/create-connector.md: "A newly created connector's
    // text.fontName is invalid by default — calling figma.loadFontAsync(connector.text.fontName) will fail. You must explicitly
    // set connector.text.fontName to a known font (after loading it), then set connector.text.characters."
    // The invalid value and the messages are approximated (README). Before: Inter Medium, valid and loadable.
    const figma = createFigma({ editorType: 'figjam' });
    const medium = { family: 'Inter', style: 'Medium' };
    await figma.loadFontAsync(medium);
    const c = figma.createConnector();
    await expect(figma.loadFontAsync(c.text.fontName as FontName)).rejects.toThrow(/could not be loaded/);
    expect(() => {
      c.text.characters = 'depends on';
    }).toThrow(/^in set_characters: Cannot write to node with unloaded font/);
    expect(() => {
      c.text.fontSize = 12;
    }).toThrow(/^in set_fontSize: Cannot write to node with unloaded font/);
    c.text.fontName = medium; // the documented order: fontName, then characters
    c.text.characters = 'depends on';
    expect(c.text.characters).toBe('depends on');
    // "For existing connectors that already have text, text.fontName is valid and can be loaded directly" (same guide).
    await figma.loadFontAsync(c.text.fontName as FontName);
    // Stickies and shapes keep a loadable default (the guide loads probe.text.fontName of a new shape).
    await figma.loadFontAsync(figma.createShapeWithText().text.fontName as FontName);
  });

  it('[unverified] connectorNestedEndpoints: false accepts only nodes on a page or in a section; default true accepts any node', () => {
    // No source says whether FigJam attaches connectors to frames nested in frames (fidelity review §1, connector row).
    const strict = createFigma({ editorType: 'figjam', assumptions: { connectorNestedEndpoints: false } });
    const section = strict.createSection();
    const inSection = strict.createShapeWithText();
    section.appendChild(inSection);
    const top = strict.createFrame();
    const nested = strict.createFrame();
    top.appendChild(nested);
    const c = strict.createConnector();
    c.connectorStart = { endpointNodeId: top.id, magnet: 'AUTO' };
    c.connectorEnd = { endpointNodeId: inSection.id, magnet: 'AUTO' };
    expect(() => {
      c.connectorEnd = { endpointNodeId: nested.id, magnet: 'AUTO' };
    }).toThrow(`in set_connectorEnd: Cannot attach a connector to node "${nested.id}" (FRAME inside a FRAME): only nodes directly on a page or in a section accept connectors [emulator assumption connectorNestedEndpoints=false]`);
    expect(c.connectorEnd).toEqual({ endpointNodeId: inSection.id, magnet: 'AUTO' });

    const lenient = createFigma({ editorType: 'figjam' });
    expect(emulatorOf(lenient).assumptions.connectorNestedEndpoints).toBe(true);
    const f = lenient.createFrame();
    const inner = lenient.createFrame();
    f.appendChild(inner);
    const d = lenient.createConnector();
    d.connectorEnd = { endpointNodeId: inner.id, magnet: 'AUTO' };
    expect(d.connectorEnd).toEqual({ endpointNodeId: inner.id, magnet: 'AUTO' });
  });
});
