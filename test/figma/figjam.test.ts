// FigJam nodes. Sources: figma-platform.md §2 (ConnectorNode shape, typings L11383-11428); typings StickyNode / ShapeWithTextNode;
// https://developers.figma.com/docs/plugins/api/properties/figma-createconnector.
import { describe, expect, it } from 'vitest';
import { createFigma } from './index';

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
});
