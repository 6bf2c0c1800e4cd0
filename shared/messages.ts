// The one message protocol between the UI iframe and the plugin sandbox, defined in zod so both
// sides validate what they receive. Wire shapes:
//   UI -> plugin   request  { v: 1, type, requestId, payload }
//   plugin -> UI   reply    { v: 1, type: 'reply', requestId, ok: true, payload }
//                            { v: 1, type: 'reply', requestId, ok: false, error: { code, message, problems? } }
//                  push     { v: 1, type: 'progress' | 'selection' | 'canvasChanged', payload }
// Every request gets exactly one reply. Journeys travel as plain JSON and are validated by the
// model (shared/model) at the receiving end, which gives better messages than a message schema.
import * as z from 'zod/mini';
import { StyleOptionsSchema } from './style/options';
import { SelfCheckReportSchema } from './selfcheck/report';
import { ChangeKindSchema } from './sync/changes';
import { MAX_VERSION_NAME, VERSION_REASONS } from './versions/meta';
import { ChangesSummarySchema } from './layout/views/changes';

export const PROTOCOL_VERSION = 1;

/** Request ids are 1 to 64 characters. */
export const MAX_REQUEST_ID = 64;
const requestId = z.string().check(z.minLength(1), z.maxLength(MAX_REQUEST_ID));
/**
 * A BAD_MESSAGE reply echoes the id of the request it refuses, even one over MAX_REQUEST_ID, so
 * the sender learns why instead of timing out; ids longer than this are not echoed at all.
 */
export const MAX_ECHOED_REQUEST_ID = 256;
const echoedRequestId = z.string().check(z.minLength(1), z.maxLength(MAX_ECHOED_REQUEST_ID));
const journeyJson = z.unknown();

/** A change found by sync, in words a designer can review before applying. */
export const ChangeSchema = z.object({
  kind: ChangeKindSchema,
  /** Model id of the entity changed. */
  id: z.string(),
  field: z.optional(z.string()),
  before: z.optional(z.unknown()),
  after: z.optional(z.unknown()),
  summary: z.string(),
});
export type Change = z.output<typeof ChangeSchema>;

export const SyncWarningSchema = z.object({ nodeId: z.optional(z.string()), message: z.string() });
export type SyncWarning = z.output<typeof SyncWarningSchema>;

/** A field both the JSON in the UI and the canvas changed since the last sync. */
export const ConflictSchema = z.object({
  key: z.string(),
  id: z.string(),
  field: z.string(),
  base: z.optional(z.unknown()),
  canvas: z.optional(z.unknown()),
  draft: z.optional(z.unknown()),
  summary: z.string(),
});
export type Conflict = z.output<typeof ConflictSchema>;

export const MapSummarySchema = z.object({
  nodeId: z.string(),
  name: z.string(),
  journey: journeyJson,
  style: StyleOptionsSchema,
  /** True when the canvas differs from the stored model (edits made while the plugin was closed). */
  canvasEdited: z._default(z.boolean(), false),
  /** The last update of this map did not finish (the plugin was closed or stopped part-way). */
  interrupted: z._default(z.boolean(), false),
  /**
   * Set when the selected map's store cannot be read (damaged, or written by a newer Journey
   * Mapper): why, in one sentence for the panel. `journey` is then null and the map is left alone.
   */
  unreadable: z.optional(z.string()),
});
export type MapSummary = z.output<typeof MapSummarySchema>;

/** The longest draft kept in clientStorage, in UTF-16 code units. */
export const MAX_DRAFT_LENGTH = 4_000_000;
/** Window sizes the plugin stores and restores, in px (a stored size outside is clamped on read). */
export const WINDOW_SIZE_BOUNDS = { min: 200, max: 4000 } as const;
const windowSide = z.number().check(z.gte(WINDOW_SIZE_BOUNDS.min), z.lte(WINDOW_SIZE_BOUNDS.max));

export const PreferencesSchema = z.looseObject({
  style: z.optional(StyleOptionsSchema),
  /** The UI's unsaved draft JSON, so a crash or close never loses work. */
  draft: z.optional(z.string().check(z.maxLength(MAX_DRAFT_LENGTH))),
  liveSync: z.optional(z.boolean()),
  windowSize: z.optional(z.object({ width: windowSide, height: windowSide })),
});
export type Preferences = z.output<typeof PreferencesSchema>;

const renderResult = z.object({
  nodeId: z.string(),
  created: z.number(),
  updated: z.number(),
  removed: z.number(),
  writes: z.number(),
  notices: z.array(z.string()),
});

/** A saved version of a map's journey (shared/versions/store.ts). */
export const VersionMetaSchema = z.object({
  id: z.string(),
  name: z.string(),
  auto: z.boolean(),
  reason: z.enum(VERSION_REASONS),
  at: z.string(),
  author: z.optional(z.string()),
  title: z.string(),
  size: z.number(),
  hash: z.string(),
});
export type VersionMetaPayload = z.output<typeof VersionMetaSchema>;

/** A map's versions, newest last, and how much of the budget they take (bytes). */
const versionList = {
  versions: z.array(VersionMetaSchema),
  used: z.number(),
  budget: z.number(),
};
const versionName = z.string().check(z.minLength(1), z.maxLength(MAX_VERSION_NAME * 4));
const mapAndVersion = { nodeId: z.string(), versionId: z.string() };

/** Every request the UI can make, with the payload it sends and the payload of its reply. */
export const REQUESTS = {
  hello: {
    request: z.object({ uiVersion: z.optional(z.string()) }),
    response: z.object({
      editorType: z.string(),
      fonts: z.array(z.string()),
      preferences: PreferencesSchema,
      selection: z.nullable(MapSummarySchema),
    }),
  },
  render: {
    request: z.object({
      journey: journeyJson,
      style: StyleOptionsSchema,
      targetNodeId: z.optional(z.string()),
      /** 'import': the draft replaced the journey from a file; the map's journey is saved as a version first. */
      autoVersion: z.optional(z.enum(['import'])),
    }),
    /** `journey`: the journey as stored, when it differs from the one sent (its review stamps settled: shared/review/stamps.ts settleReviews). */
    response: z.object({ ...renderResult.shape, journey: z.optional(journeyJson) }),
  },
  restyle: {
    request: z.object({ nodeId: z.string(), style: StyleOptionsSchema }),
    response: renderResult,
  },
  sync: {
    request: z.object({
      nodeId: z.string(),
      /** The UI's draft, when it differs from the stored model: enables three-way conflict detection. */
      draft: z.optional(journeyJson),
      /** false: only report what would change. */
      apply: z.boolean(),
      /**
       * false: do not apply a change set that deletes anything; reply with applied false and the
       * changes, for review. Live sync sends false, so a deletion made between its check and its
       * apply is never applied unseen.
       */
      allowDeletions: z.optional(z.boolean()),
      /** Per conflict key, whose value wins. */
      resolutions: z.optional(z.record(z.string(), z.enum(['canvas', 'draft']))),
    }),
    response: z.object({
      journey: journeyJson,
      changes: z.array(ChangeSchema),
      warnings: z.array(SyncWarningSchema),
      conflicts: z.array(ConflictSchema),
      applied: z.boolean(),
    }),
  },
  readSelection: {
    request: z.object({}),
    response: z.object({ selection: z.nullable(MapSummarySchema) }),
  },
  savePreferences: {
    request: PreferencesSchema,
    response: z.object({}),
  },
  notify: {
    request: z.object({ message: z.string().check(z.maxLength(500)), error: z.optional(z.boolean()) }),
    response: z.object({}),
  },
  resizeWindow: {
    request: z.object({ width: z.number().check(z.gte(300), z.lte(1600)), height: z.number().check(z.gte(300), z.lte(1600)) }),
    response: z.object({}),
  },
  /** The UI's first question: which manifest command started the plugin ('check' shows the compatibility report). */
  launch: {
    request: z.object({}),
    response: z.object({ command: z.string() }),
  },
  /** Runs the compatibility check (plugin/selfcheck) on a temporary frame; progress pushes report each step. */
  selfCheck: {
    request: z.object({}),
    response: z.object({ report: SelfCheckReportSchema }),
  },
  /** The selected map's saved versions; `unreadable` says why they cannot be listed. */
  versions: {
    request: z.object({ nodeId: z.string() }),
    response: z.object({ ...versionList, unreadable: z.optional(z.string()) }),
  },
  /** Saves the map's journey as a named version. */
  saveVersion: {
    request: z.object({ nodeId: z.string(), name: versionName }),
    response: z.object({ ...versionList, saved: VersionMetaSchema, pruned: z.array(VersionMetaSchema) }),
  },
  renameVersion: {
    request: z.object({ ...mapAndVersion, name: versionName }),
    response: z.object(versionList),
  },
  deleteVersion: {
    request: z.object(mapAndVersion),
    response: z.object(versionList),
  },
  /** Redraws the map from a version, after saving the journey it replaces as a version ("Before restore"). */
  restoreVersion: {
    request: z.object({ ...mapAndVersion, style: z.optional(StyleOptionsSchema) }),
    response: z.object({ ...renderResult.shape, journey: journeyJson, saved: z.optional(VersionMetaSchema), ...versionList }),
  },
  /** "Mark reviewed" on the journey (no stageId) or a stage: stamps it (reviewer, day, content hash) and stores it on the map. */
  markReviewed: {
    request: z.object({ nodeId: z.string(), stageId: z.optional(z.string()) }),
    response: z.object({ journey: journeyJson, review: z.object({ by: z.optional(z.string()), at: z.string(), hash: z.string() }) }),
  },
  /** A saved version's journey (migrated to this schema), for the panel to compare (shared/diff/compare.ts). */
  readVersion: {
    request: z.object(mapAndVersion),
    response: z.object({ version: VersionMetaSchema, journey: journeyJson }),
  },
  /**
   * Draws (or redraws in place) the Changes view beside the map: `newer` drawn with the changes the
   * summary names marked on it (shared/layout/views/changes.ts). The panel makes the summary where
   * the diff runs (changes-summary.ts: both sides of its comparison, or two curves of one journey).
   */
  showChanges: {
    request: z.object({
      nodeId: z.string(),
      newer: journeyJson,
      summary: ChangesSummarySchema,
      /** Defaults to the map's own style. */
      style: z.optional(StyleOptionsSchema),
    }),
    response: z.object({ nodeId: z.string(), created: z.boolean(), writes: z.number(), notices: z.array(z.string()) }),
  },
  /** Removes the map's Changes frame, if it has one. */
  removeChanges: {
    request: z.object({ nodeId: z.string() }),
    response: z.object({ removed: z.boolean() }),
  },
} as const;

export type RequestType = keyof typeof REQUESTS;
export type RequestPayload<T extends RequestType> = z.input<(typeof REQUESTS)[T]['request']>;
export type ParsedRequestPayload<T extends RequestType> = z.output<(typeof REQUESTS)[T]['request']>;
export type ResponsePayload<T extends RequestType> = z.output<(typeof REQUESTS)[T]['response']>;

const requestTypes = Object.keys(REQUESTS) as [RequestType, ...RequestType[]];

export const RequestEnvelopeSchema = z.object({
  v: z.literal(PROTOCOL_VERSION),
  type: z.enum(requestTypes),
  requestId,
  payload: z.unknown(),
});

export const ERROR_CODES = [
  'BAD_MESSAGE',
  'INVALID_JOURNEY',
  'TOO_LARGE',
  'FONT_MISSING',
  'NOT_FOUND',
  'NOT_A_MAP',
  /** The map's store cannot be read (damaged); it is left as it is. */
  'UNREADABLE_MAP',
  /** The map was written by a newer Journey Mapper; it is left as it is. */
  'NEWER_VERSION',
  /** Figma refused an API call ("in set_characters: …"). */
  'FIGMA_ERROR',
  /** A bug in Journey Mapper itself. */
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ProblemSchema = z.object({
  path: z.string(),
  message: z.string(),
  line: z.optional(z.number()),
  column: z.optional(z.union([z.number(), z.string()])),
});

export const ErrorPayloadSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  problems: z.optional(z.array(ProblemSchema)),
});
export type ErrorPayload = z.output<typeof ErrorPayloadSchema>;

export const ReplySchema = z.discriminatedUnion('ok', [
  z.object({ v: z.literal(PROTOCOL_VERSION), type: z.literal('reply'), requestId, ok: z.literal(true), payload: z.unknown() }),
  z.object({ v: z.literal(PROTOCOL_VERSION), type: z.literal('reply'), requestId: echoedRequestId, ok: z.literal(false), error: ErrorPayloadSchema }),
]);

export const PushSchema = z.discriminatedUnion('type', [
  z.object({
    v: z.literal(PROTOCOL_VERSION),
    type: z.literal('progress'),
    payload: z.object({ requestId, phase: z.string(), done: z.number(), total: z.number() }),
  }),
  z.object({
    v: z.literal(PROTOCOL_VERSION),
    type: z.literal('selection'),
    payload: z.object({ selection: z.nullable(MapSummarySchema) }),
  }),
  z.object({
    v: z.literal(PROTOCOL_VERSION),
    type: z.literal('canvasChanged'),
    payload: z.object({ nodeId: z.string(), changes: z.array(ChangeSchema), warnings: z.array(SyncWarningSchema) }),
  }),
]);
export type Push = z.output<typeof PushSchema>;

export const PluginToUiSchema = z.union([ReplySchema, PushSchema]);
export type PluginToUi = z.output<typeof PluginToUiSchema>;

/** Describes the first zod issue of a bad message in one line, for logs and BAD_MESSAGE replies. */
export function describeBadMessage(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid message';
  const where = issue.path.length ? issue.path.join('.') : 'message';
  return `${where}: ${issue.message}`;
}
