// The legend: emotion scale, card types, evidence levels and each persona's curve style, so the
// map can be read without its author (and without relying on colour).
import { column, frame, paint, row, stroke, text, within } from './build';
import { personaColor, personaLook, type LayoutContext } from './context';
import { CONFIDENCE_LABELS } from '../model/labels';
import { LANE_TYPE_TABLE } from '../model/lane-types';
import { signed } from '../model/text-codecs';
import { markerSpec } from './markers';
import type { NodeSpec } from './spec';
import { CONFIDENCE_LEVELS } from '../model/schema';
import { childKey } from './keys';
import { healthBadge } from './badges';

export function legendSpec(ctx: LayoutContext, width: number): NodeSpec {
  const { journey: j, theme, m } = ctx;
  const heading = (key: string, value: string) =>
    text(key, value, { size: m.font.tiny, lineHeight: m.line.tiny, color: theme.textMuted, weight: 'semibold', upper: true, letterSpacing: 0.6 });
  const body = { size: m.font.small, lineHeight: m.line.small, color: theme.text };
  const groups: NodeSpec[] = [];

  const scale = j.emotionScale;
  const labels = new Map(scale.labels.map((l) => [l.value, l.label]));
  const scaleLines: string[] = [];
  for (let v = scale.max; v >= scale.min; v--) scaleLines.push(`${signed(v)}${labels.get(v) ? `  ${labels.get(v)}` : ''}`);
  groups.push(column('legend/scale', 'Emotion scale', { gap: 4 }, [heading('legend/scale/h', 'Emotion scale'), text('legend/scale/text', scaleLines.join('\n'), body, within(scaleLines.join('\n'), body, width - 40))]));

  if (j.curves.length) {
    const entries = j.curves.map((curve) => {
      const look = personaLook(ctx, curve.personaId);
      const color = personaColor(ctx, curve.personaId);
      const toBe = curve.kind === 'to-be';
      return row(childKey('legend', 'curve', curve.id), `Curve ${curve.name}`, { gap: 6, alignCounter: 'CENTER' }, [
        { type: 'VECTOR', key: childKey('legend', 'curve', curve.id, 'line'), name: 'Line', width: 28, height: 0, path: 'M 0 0 L 28 0', stroke: toBe ? stroke(color, 2.5, [8, 5]) : stroke(color, 2.5) },
        markerSpec(childKey('legend', 'curve', curve.id, 'marker'), look.marker, m.dot, color, theme.canvas, undefined, undefined, toBe),
        text(childKey('legend', 'curve', curve.id, 'text'), `${look.persona.name} · ${curve.name}${toBe ? ' (dashed, hollow)' : ''}`, body, within(`${look.persona.name} · ${curve.name}${toBe ? ' (dashed, hollow)' : ''}`, body, width - 40 - 28 - m.dot - 12)),
      ]);
    });
    groups.push(column('legend/curves', 'Emotion curves', { gap: 4 }, [heading('legend/curves/h', 'Emotion curves'), ...entries]));
  }

  const types = [...new Set(ctx.visibleLanes.map((l) => l.type))].filter((t) => t !== 'emotion');
  if (types.length) {
    const entries = types.map((t) => {
      const sw = theme.lanes[t as Exclude<typeof t, 'emotion'>];
      const look = LANE_TYPE_TABLE[t];
      // The swatch is drawn as the type's cards are: the same border colour and the same dash.
      const edge = stroke(look.emphasis ? sw.accent : sw.border, 1, look.dash ? [...look.dash] : undefined);
      return row(childKey('legend', 'type', t), look.label, { gap: 6, alignCounter: 'CENTER' }, [
        frame(childKey('legend', 'type', t, 'swatch'), 'Swatch', { layout: 'NONE', sizingH: 'FIXED', sizingV: 'FIXED', width: 16, height: 12, radius: 3, fill: paint(sw.fill), stroke: edge }),
        text(childKey('legend', 'type', t, 'text'), `${look.label}${look.legendNote ?? ''}`, body),
      ]);
    });
    groups.push(column('legend/types', 'Card types', { gap: 4 }, [heading('legend/types/h', 'Card types'), ...entries]));
  }

  if (j.evidence.length) {
    const entries = CONFIDENCE_LEVELS.map((level) => {
      const sw = theme.confidence[level];
      return row(childKey('legend', 'evidence', level), CONFIDENCE_LABELS[level], { padding: [2, 6, 2, 6], fill: paint(sw.fill), stroke: stroke(sw.border, 1), radius: 4 }, [
        text(childKey('legend', 'evidence', level, 'text'), CONFIDENCE_LABELS[level], { size: m.font.tiny, lineHeight: m.line.tiny, color: sw.text, weight: 'semibold' }),
      ]);
    });
    groups.push(
      column('legend/evidence', 'Evidence', { gap: 4 }, [
        heading('legend/evidence/h', 'Evidence confidence'),
        row('legend/evidence/levels', 'Levels', { gap: 4 }, entries),
        text('legend/evidence/note', 'Strongest level among the sources a card cites', { ...body, color: theme.textMuted }),
      ]),
    );
  }

  if (ctx.badges) {
    const note = 'Something to check: a claim without evidence or on assumed or inferred evidence only, a pain point or idea without owner, a stage without metrics, a part changed since its review';
    groups.push(
      column('legend/health', 'Health badges', { gap: 4 }, [
        heading('legend/health/h', 'Health badges'),
        healthBadge(ctx, 'legend/health/sample', 'No evidence', width - 40),
        text('legend/health/note', note, { ...body, color: theme.textMuted }, within(note, body, Math.min(360, width - 40))),
      ]),
    );
  }

  return row('legend', 'Legend', { sizingH: 'FILL', width, padding: [16, 20, 16, 20], gap: 40, wrap: true, counterGap: 16, fill: paint(theme.surface), radius: 12 }, groups);
}
