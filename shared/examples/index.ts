// Example journeys shipped with the plugin ("Start from an example") and used by the tests.
// Each file is a complete envelope, exactly as a user would save or paste it. esbuild bundles the
// JSON; the tests check that every example passes loadJourney and the published JSON Schema.
import publicServiceBlueprint from './public-service-blueprint.json';
import retailPurchase from './retail-purchase.json';
import saasOnboarding from './saas-onboarding.json';

export interface Example {
  /** Stable id, also the file name without `.json`. */
  id: string;
  name: string;
  description: string;
  /** The `{ format, schemaVersion, journey }` envelope; run it through `loadJourney` before use. */
  envelope: unknown;
}

export const EXAMPLES: readonly Example[] = [
  {
    id: 'retail-purchase',
    name: 'Retail: buying a sofa online and in store',
    description:
      'Two personas with as-is and to-be emotion curves, touchpoints by channel, prioritised pain points and opportunities, evidence with confidence levels, a branch and a loop.',
    envelope: retailPurchase,
  },
  {
    id: 'saas-onboarding',
    name: 'B2B SaaS: trial to renewal',
    description:
      'Admin and end-user personas, stage KPIs with targets (activation rate, time to value, NPS), a metrics lane, owners and a 1-5 emotion scale.',
    envelope: saasOnboarding,
  },
  {
    id: 'public-service-blueprint',
    name: 'Public service blueprint: Housing Benefit claim',
    description:
      'Service blueprint with frontstage touchpoints, caseworker and IT backstage lanes, support processes, a persona-scoped lane and a to-be curve.',
    envelope: publicServiceBlueprint,
  },
];
