// "Living map" sections of the Data tab: the selected map's saved versions and comparisons
// (versions-section.tsx) and the draft's evidence health with the review state of the journey and
// its stages (health-section.tsx). Each is built only while its section is open.
import type { Journey } from '../../shared/model';
import type { MapSummary } from '../../shared/messages';
import type { Problem } from '../../shared/result';
import type { Bridge } from '../bridge';
import { Section } from './fields';
import { HealthSection } from './health-section';
import { VersionsSection } from './versions-section';

export const HEALTH_SECTION_ID = 'jm-health';

export function LivingPanel({ bridge, selection, draft, dirty = false, onReplace, onRestored, onReviewed, onGoTo }: {
  bridge: Bridge;
  selection: MapSummary | null;
  draft: Journey;
  /** The draft has changes the map does not hold yet (a review then waits for an update). */
  dirty?: boolean;
  onReplace(journey: Journey, source: string): void;
  /** The map now holds this restored journey: the draft takes it as what the map holds, without an Undo of its own (the section offers Undo restore) (default: onReplace). */
  onRestored?(journey: Journey, text: string): void;
  /** The map now holds this journey with a new review stamp (default: onReplace). */
  onReviewed?(journey: Journey, text: string): void;
  onGoTo(problem: Problem): void;
}) {
  const map = selection && !selection.unreadable && selection.journey ? selection : null;
  return (
    <>
      <Section title="Versions" id="jm-versions" lazy>
        {map ? (
          <VersionsSection bridge={bridge} map={map} draft={draft} dirty={dirty} onRestored={onRestored ?? ((j) => onReplace(j, 'the restored version'))} />
        ) : (
          <p class="muted">Select a map to see, save and compare its versions.</p>
        )}
      </Section>
      <Section title="Evidence health" id={HEALTH_SECTION_ID} lazy>
        <HealthSection bridge={bridge} map={map} draft={draft} dirty={dirty} onGoTo={onGoTo} onReviewed={onReviewed ?? ((j) => onReplace(j, 'the reviewed map'))} />
      </Section>
    </>
  );
}
