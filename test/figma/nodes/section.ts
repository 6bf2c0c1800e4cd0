/**
 * SectionNode, in Figma Design and FigJam alike: `figma.createSection()` is not marked editor-specific
 * (@figma/plugin-typings plugin-api.d.ts L1297-L1301; https://developers.figma.com/docs/plugins/api/SectionNode).
 * Members: ChildrenMixin, MinimalFillsMixin, OpaqueNodeMixin, MinimalStrokesMixin, CornerMixin, RectangleCornerMixin,
 * sectionContentsHidden, clone, resize, resizeWithoutConstraints (typings L12314-L12354). No rotation, opacity or
 * auto layout. Children are placed in the section's coordinates: "when you call appendChild, the node's x/y coordinates
 * become relative to the section's local coordinate space" (figma/mcp-server-guide,
 * figma-power/steering/figma-use-figjam/references/position-figjam-nodes.md).
 */
import { SceneImpl, BASE_MEMBERS, CHILDREN_MEMBERS, WHITE } from './scene';
import { checkResize } from '../constraints';

export const SECTION_MEMBERS = [
  ...BASE_MEMBERS, ...CHILDREN_MEMBERS, 'visible', 'locked', 'x', 'y', 'width', 'height', 'relativeTransform', 'absoluteTransform',
  'absoluteBoundingBox', 'clone', 'fills', 'strokes', 'strokeWeight', 'strokeAlign', 'strokeJoin', 'dashPattern', 'cornerRadius',
  'topLeftRadius', 'topRightRadius', 'bottomLeftRadius', 'bottomRightRadius', 'sectionContentsHidden', 'resize', 'resizeWithoutConstraints',
] as const;

export class SectionImpl extends SceneImpl implements Pick<SectionNode, 'name' | 'x' | 'y' | 'width' | 'height' | 'visible' | 'locked' | 'sectionContentsHidden' | 'strokes' | 'strokeWeight' | 'topLeftRadius' | 'resize' | 'resizeWithoutConstraints' | 'getPluginData' | 'setPluginData'> {
  static override MEMBERS = SECTION_MEMBERS;
  readonly type: 'SECTION' = 'SECTION';
  _contentsHidden = false;
  override init(): this {
    // [unverified] The default size: Figma's guide only says "Sections start very small" (create-section.md); 100x100 here.
    this._fills = Object.freeze([WHITE]);
    return super.init();
  }
  get sectionContentsHidden(): boolean {
    return this._contentsHidden;
  }
  set sectionContentsHidden(v: boolean) {
    if (typeof v !== 'boolean') throw new Error('in set_sectionContentsHidden: Expected boolean');
    this._contentsHidden = v;
    this.touch('sectionContentsHidden');
  }
  /** "Sections do not propagate constraints to their children" (typings L12345-L12347): both resizes only size the section. */
  protected override doResize(method: string, w: number, h: number): void {
    checkResize(method, w, h);
    this._w = w;
    this._h = h;
    this.touch('width');
    this.touch('height');
  }
}
