// The settings store: one versioned item in storage.sync, validated on every read (a corrupted or
// foreign value falls back to defaults field by field and is written back repaired), live across tabs,
// with import/export. The shape and defaults are in settings-types.ts.
//
// Version history (each migration has a fixture in tests/fixtures/settings/):
// - v1: `disabledTopics` (every topic was on by default), `delay` in seconds, `underline` on/off,
//   `color`.
// - v2: packs gained off-by-default topics, so the reader needs "on" overrides too: `disabledTopics`
//   became `topicsOff` plus `topicsOn`. `delay` (seconds, coarse steps) became `dwellMs`. `underline`
//   became `highlightStyle` ('underline' | 'none'), `color` became `highlightColor`. Alt-to-look-up was
//   a boolean `requireAlt`. Paused sites (v1 and v2) were origins taken from the tab (`https://x.com`).
// - v3: paused sites are host patterns (origins could not say `*.example.com`, and pausing
//   `https://x.com` left `http://x.com` and `www.x.com` marked). `requireAlt` became `trigger`, which
//   adds 'click'. New: `firstOccurrenceOnly`, highlight style 'background'.
// - v4 (current): `pauseExceptions`, hosts resumed inside a paused wildcard (resuming
//   `news.example.com` used to remove `*.example.com`, resuming every other subdomain with it).
import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import type { Topic } from '../glossary/types';
import { DEFAULT_SETTINGS, type HighlightStyle, type Settings, type Trigger } from './settings-types';
import { isHostPaused, prunePauseExceptions, validateSitePattern } from './site-patterns';

export const SETTINGS_VERSION = 4;
export const SETTINGS_KEY = 'sync:settings' as const;
export const EXPORT_FORMAT = 'briefing-lens-settings';

export const DWELL_MIN_MS = 100;
export const DWELL_MAX_MS = 1500;
export const TRIGGERS: readonly Trigger[] = ['hover', 'alt-hover', 'click'];
export const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['underline', 'background', 'none'];

/** chrome.storage.sync's per-item quota (QUOTA_BYTES_PER_ITEM), counted as key + JSON value. */
export const SYNC_ITEM_QUOTA_BYTES = 8192;

const ID = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const COLOR = v.pipe(v.string(), v.hexColor('must be a colour like #b45309'));

/** A stored pattern must be exactly what validateSitePattern makes of it. */
function isCanonicalPattern(s: string): boolean {
  const r = validateSitePattern(s);
  return r.ok && r.pattern === s;
}

/** One schema per field, so a bad field falls back alone. */
const FIELD_SCHEMAS = {
  topicsOff: v.array(ID),
  topicsOn: v.array(ID),
  hiddenTerms: v.array(ID),
  pausedSites: v.array(
    v.pipe(
      v.string(),
      v.check(isCanonicalPattern, 'is not a valid site (e.g. example.com or *.example.com)'),
    ),
  ),
  pauseExceptions: v.array(
    v.pipe(
      v.string(),
      v.check(
        (s) => isCanonicalPattern(s) && !s.startsWith('*'),
        'is not a valid host (e.g. news.example.com)',
      ),
    ),
  ),
  trigger: v.picklist(TRIGGERS, `must be one of ${TRIGGERS.join(', ')}`),
  dwellMs: v.pipe(
    v.number(),
    v.integer('must be a whole number of milliseconds'),
    v.minValue(DWELL_MIN_MS, `must be at least ${DWELL_MIN_MS}`),
    v.maxValue(DWELL_MAX_MS, `must be at most ${DWELL_MAX_MS}`),
  ),
  highlightStyle: v.picklist(HIGHLIGHT_STYLES, `must be one of ${HIGHLIGHT_STYLES.join(', ')}`),
  highlightColor: COLOR,
  firstOccurrenceOnly: v.boolean(),
  showQA: v.boolean(),
} satisfies { [K in keyof Settings]: v.GenericSchema<unknown, Settings[K]> };

/** The whole current-version object, strict: used for imports, where any problem is reported. */
export const SettingsSchema = v.strictObject(FIELD_SCHEMAS);

const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

// ---------------------------------------------------------------------------------------------------
// Past versions: their shapes (for validating imported files) and migrations. Migrations run on
// whatever is in storage, so they never throw: anything unexpected is passed on for repair.

export interface SettingsV1 {
  disabledTopics: string[];
  hiddenTerms: string[];
  pausedSites: string[];
  /** Seconds. */
  delay: number;
  underline: boolean;
  color: string;
  showQA: boolean;
}

export interface SettingsV2 {
  topicsOff: string[];
  topicsOn: string[];
  hiddenTerms: string[];
  /** Origins, e.g. `https://news.example.com`. */
  pausedSites: string[];
  dwellMs: number;
  requireAlt: boolean;
  highlightStyle: 'underline' | 'none';
  highlightColor: string;
  showQA: boolean;
}

const SettingsV1Schema = v.strictObject({
  disabledTopics: v.array(v.string()),
  hiddenTerms: v.array(v.string()),
  pausedSites: v.array(v.string()),
  delay: v.pipe(v.number(), v.minValue(0), v.maxValue(10)),
  underline: v.boolean(),
  color: v.string(),
  showQA: v.boolean(),
});

const SettingsV2Schema = v.strictObject({
  topicsOff: v.array(v.string()),
  topicsOn: v.array(v.string()),
  hiddenTerms: v.array(v.string()),
  pausedSites: v.array(v.string()),
  dwellMs: v.number(),
  requireAlt: v.boolean(),
  highlightStyle: v.picklist(['underline', 'none']),
  highlightColor: v.string(),
  showQA: v.boolean(),
});

const { pauseExceptions: _addedInV4, ...FIELD_SCHEMAS_V3 } = FIELD_SCHEMAS;
const SettingsV3Schema = v.strictObject(FIELD_SCHEMAS_V3);

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

export function migrateV1ToV2(old: unknown): unknown {
  if (!isRecord(old)) return old;
  const { disabledTopics, delay, underline, color, ...rest } = old;
  const next: Record<string, unknown> = { ...rest, topicsOff: disabledTopics, topicsOn: [] };
  if (typeof delay === 'number') next.dwellMs = Math.round(delay * 1000);
  if (typeof underline === 'boolean') next.highlightStyle = underline ? 'underline' : 'none';
  if (color !== undefined) next.highlightColor = color;
  next.requireAlt = false;
  return next;
}

export function migrateV2ToV3(old: unknown): unknown {
  if (!isRecord(old)) return old;
  const { requireAlt, pausedSites, ...rest } = old;
  const next: Record<string, unknown> = { ...rest, firstOccurrenceOnly: false };
  if (typeof requireAlt === 'boolean') next.trigger = requireAlt ? 'alt-hover' : 'hover';
  if (Array.isArray(pausedSites)) {
    // Origins become host patterns; an entry that is no longer valid is dropped (repair would anyway).
    const hosts = pausedSites.flatMap((o) => {
      if (typeof o !== 'string') return [];
      const r = validateSitePattern(o);
      return r.ok ? [r.pattern] : [];
    });
    next.pausedSites = [...new Set(hosts)];
  } else {
    next.pausedSites = pausedSites;
  }
  return next;
}

export function migrateV3ToV4(old: unknown): unknown {
  if (!isRecord(old)) return old;
  return { ...old, pauseExceptions: [] };
}

const MIGRATIONS: Record<number, (old: unknown) => unknown> = {
  2: migrateV1ToV2,
  3: migrateV2ToV3,
  4: migrateV3ToV4,
};

/** Runs the migrations from `fromVersion` up to the current version. */
export function migrateSettings(value: unknown, fromVersion: number): unknown {
  let out = value;
  for (let version = fromVersion + 1; version <= SETTINGS_VERSION; version++) {
    out = MIGRATIONS[version]?.(out) ?? out;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Validation with field-by-field repair.

export interface Sanitized {
  settings: Settings;
  /** What was repaired, as `field: problem`; empty when the value was already valid. */
  repairs: string[];
}

const cloneDefaults = (): Settings => structuredClone(DEFAULT_SETTINGS);

/** Validates a stored value: bad fields fall back to their default, bad list entries are dropped. */
export function sanitizeSettings(raw: unknown): Sanitized {
  const settings = cloneDefaults();
  const repairs: string[] = [];
  if (raw === null || raw === undefined) return { settings, repairs };
  if (!isRecord(raw)) {
    return { settings, repairs: [`settings: expected an object, got ${describe(raw)}; reset to defaults`] };
  }
  for (const key of Object.keys(raw)) {
    if (!Object.hasOwn(DEFAULT_SETTINGS, key)) repairs.push(`${key}: unknown setting, removed`);
  }
  const out = settings as unknown as Record<string, unknown>;
  for (const key of SETTING_KEYS) {
    if (!Object.hasOwn(raw, key)) {
      repairs.push(`${key}: missing, default used`);
      continue;
    }
    const value = raw[key];
    const schema = FIELD_SCHEMAS[key] as v.GenericSchema;
    const parsed = v.safeParse(schema, value);
    if (parsed.success) {
      out[key] = parsed.output;
    } else if (Array.isArray(value) && schema.type === 'array') {
      // Keep the good entries of a list rather than losing the reader's whole list to one bad entry.
      const item = (schema as v.ArraySchema<v.GenericSchema, undefined>).item;
      const kept = value.filter((x) => v.safeParse(item, x).success);
      out[key] = kept;
      repairs.push(
        `${key}: ${value.length - kept.length} invalid entr${value.length - kept.length === 1 ? 'y' : 'ies'} removed`,
      );
    } else {
      repairs.push(
        `${key}: ${parsed.issues[0]?.message ?? 'invalid'} (got ${describe(value)}); default used`,
      );
    }
  }
  // Lists are sets: duplicates are dropped, and a topic cannot be both forced off and forced on.
  for (const key of ['topicsOff', 'topicsOn', 'hiddenTerms', 'pausedSites', 'pauseExceptions'] as const) {
    const unique = [...new Set(settings[key])];
    if (unique.length !== settings[key].length) {
      repairs.push(`${key}: duplicates removed`);
      settings[key] = unique;
    }
  }
  const clash = settings.topicsOn.filter((id) => settings.topicsOff.includes(id));
  if (clash.length > 0) {
    settings.topicsOn = settings.topicsOn.filter((id) => !clash.includes(id));
    repairs.push(`topicsOn: ${clash.join(', ')} also turned off; kept off`);
  }
  const exceptions = prunePauseExceptions(settings);
  if (exceptions.length !== settings.pauseExceptions.length) {
    const n = settings.pauseExceptions.length - exceptions.length;
    repairs.push(`pauseExceptions: ${n} outside every paused wildcard, removed`);
    settings.pauseExceptions = exceptions;
  }
  return { settings, repairs };
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'a list';
  if (typeof x === 'string') return `"${x.length > 40 ? `${x.slice(0, 40)}…` : x}"`;
  if (typeof x === 'object') return 'an object';
  return `${typeof x} ${String(x)}`;
}

// ---------------------------------------------------------------------------------------------------
// The store.

/**
 * Defines the storage item. WXT runs pending migrations as soon as an item is defined, so the module
 * defines it lazily (importing the helpers below has no side effect); tests define fresh ones.
 */
export function defineSettingsItem() {
  return storage.defineItem<unknown>(SETTINGS_KEY, {
    fallback: null,
    version: SETTINGS_VERSION,
    migrations: MIGRATIONS,
  });
}

let item: ReturnType<typeof defineSettingsItem> | undefined;
const settingsItem = () => {
  item ??= defineSettingsItem();
  return item;
};

/** Error whose message can be shown to the reader as is. */
export class SettingsWriteError extends Error {
  override name = 'SettingsWriteError';
}

/** Reads the settings, repairing (and writing back) anything invalid. Never throws. */
export async function getSettings(): Promise<Settings> {
  let raw: unknown = null;
  try {
    raw = await settingsItem().getValue();
  } catch (err) {
    console.warn('[briefing-lens] could not read settings; using defaults', err);
    return cloneDefaults();
  }
  const { settings, repairs } = sanitizeSettings(raw);
  if (raw !== null && repairs.length > 0 && !(await storedByNewerVersion())) {
    console.warn('[briefing-lens] settings repaired:', repairs.join('; '));
    try {
      await settingsItem().setValue(settings);
    } catch (err) {
      // The repaired value is still what this page uses; the next read tries again.
      console.warn('[briefing-lens] could not write repaired settings', err);
    }
  }
  return settings;
}

/**
 * Whether the stored value was written by a newer version of the extension (synced from another device
 * that updated first). Its unknown fields are then read around, not "repaired" away, so that device
 * does not lose them.
 */
async function storedByNewerVersion(): Promise<boolean> {
  try {
    const meta = (await settingsItem().getMeta()) as { v?: unknown };
    return typeof meta.v === 'number' && meta.v > SETTINGS_VERSION;
  } catch {
    return false;
  }
}

/** Calls `cb` with the validated settings whenever they change (in any tab or device). */
export function watchSettings(cb: (s: Settings) => void): () => void {
  return settingsItem().watch((next) => cb(sanitizeSettings(next).settings));
}

// Writes from one page are serialised so that quick successive changes do not overwrite each other.
let writeChain: Promise<unknown> = Promise.resolve();

/**
 * Applies `patch` to the current settings and stores the result. Rejects with a SettingsWriteError
 * (message fit for the reader) if the result is invalid or does not fit in sync storage; then nothing
 * is written.
 */
export function updateSettings(
  patch: Partial<Settings> | ((s: Settings) => Partial<Settings>),
): Promise<void> {
  const run = writeChain.then(async () => {
    const current = await getSettings();
    const next = { ...current, ...(typeof patch === 'function' ? patch(current) : patch) };
    await writeSettings(next);
  });
  writeChain = run.catch(() => undefined);
  return run;
}

/** Replaces the settings wholesale (import, reset). Same checks as updateSettings. */
export function replaceSettings(next: Settings): Promise<void> {
  const run = writeChain.then(() => writeSettings(next));
  writeChain = run.catch(() => undefined);
  return run;
}

async function writeSettings(value: Settings): Promise<void> {
  // A wildcard removed (options page, card) takes its exceptions with it, rather than leaving them to
  // come back if the wildcard is paused again.
  const next = { ...value, pauseExceptions: prunePauseExceptions(value) };
  const parsed = v.safeParse(SettingsSchema, next);
  if (!parsed.success) {
    throw new SettingsWriteError(`Not saved: ${parsed.issues.map(formatIssue).join('; ')}.`);
  }
  const bytes = syncSize(parsed.output);
  if (bytes > SYNC_ITEM_QUOTA_BYTES) {
    throw new SettingsWriteError(
      `Not saved: your settings would take ${bytes} bytes, more than the ${SYNC_ITEM_QUOTA_BYTES} bytes your browser can sync. Remove some paused sites or hidden terms and try again.`,
    );
  }
  try {
    await settingsItem().setValue(parsed.output);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/quota|MAX_WRITE_OPERATIONS/i.test(message)) {
      throw new SettingsWriteError(
        `Not saved: your browser's sync storage refused the change (${message}). Wait a minute and try again.`,
      );
    }
    throw new SettingsWriteError(`Not saved: ${message}`);
  }
}

/** Bytes the item counts against sync quota: key plus JSON value, as Chrome measures it. */
export function syncSize(s: Settings): number {
  return new TextEncoder().encode(`settings${JSON.stringify(s)}`).length;
}

function formatIssue(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  return path ? `${path} ${issue.message}` : issue.message;
}

// ---------------------------------------------------------------------------------------------------
// Queries used by the content script, popup and options page.

/** Whether marking is paused on `host` (as in `location.hostname`). */
export function isSitePaused(host: string, s: Settings): boolean {
  return isHostPaused(host, s);
}

/** Whether a topic is on: the reader's override if any, else the topic's default. */
export function isTopicOn(topic: Pick<Topic, 'id' | 'defaultOn'>, s: Settings): boolean {
  if (s.topicsOff.includes(topic.id)) return false;
  if (s.topicsOn.includes(topic.id)) return true;
  return topic.defaultOn;
}

/** Whether a term is shown: its topic is on and the reader has not hidden it. */
export function isTermShown(termId: string, topic: Pick<Topic, 'id' | 'defaultOn'>, s: Settings): boolean {
  return isTopicOn(topic, s) && !s.hiddenTerms.includes(termId);
}

/** The patch that turns `topic` on or off, storing only departures from its default. */
export function topicPatch(
  topic: Pick<Topic, 'id' | 'defaultOn'>,
  on: boolean,
  s: Settings,
): Pick<Settings, 'topicsOff' | 'topicsOn'> {
  const topicsOff = s.topicsOff.filter((id) => id !== topic.id);
  const topicsOn = s.topicsOn.filter((id) => id !== topic.id);
  if (on && !topic.defaultOn) topicsOn.push(topic.id);
  if (!on && topic.defaultOn) topicsOff.push(topic.id);
  return { topicsOff, topicsOn };
}

// ---------------------------------------------------------------------------------------------------
// Import / export.

export interface SettingsFile {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  settings: unknown;
}

/** The settings as a JSON file with a format marker and version. */
export function exportSettings(s: Settings, now = new Date()): string {
  const file: SettingsFile = {
    format: EXPORT_FORMAT,
    version: SETTINGS_VERSION,
    exportedAt: now.toISOString(),
    settings: s,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ImportResult =
  | { ok: true; settings: Settings; fromVersion: number }
  | { ok: false; errors: string[] };

const PAST_SCHEMAS: Record<number, v.GenericSchema> = {
  1: SettingsV1Schema,
  2: SettingsV2Schema,
  3: SettingsV3Schema,
  4: SettingsSchema,
};

/**
 * Validates an exported settings file (any version) and returns the settings it holds, migrated to the
 * current version. Every problem found is listed, as `path: what is wrong`.
 */
export function parseImport(text: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [`The file is not valid JSON (${(err as Error).message}).`] };
  }
  if (!isRecord(data)) return { ok: false, errors: ['The file does not hold a settings object.'] };
  if (data.format !== EXPORT_FORMAT) {
    return {
      ok: false,
      errors: [`This is not a Briefing Lens settings file (format should be "${EXPORT_FORMAT}").`],
    };
  }
  const errors: string[] = [];
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, errors: ['version: must be a whole number from 1 up.'] };
  }
  if (version > SETTINGS_VERSION) {
    return {
      ok: false,
      errors: [
        `version: the file was made by a newer Briefing Lens (settings version ${version}; this one reads up to ${SETTINGS_VERSION}). Update the extension first.`,
      ],
    };
  }
  for (const key of Object.keys(data)) {
    if (!['format', 'version', 'exportedAt', 'settings'].includes(key)) errors.push(`${key}: unknown field`);
  }
  const schema = PAST_SCHEMAS[version] as v.GenericSchema;
  const parsed = v.safeParse(schema, data.settings);
  if (!parsed.success) {
    for (const issue of parsed.issues) errors.push(importIssue(issue));
    return { ok: false, errors };
  }
  // Migrate, then hold the result to the current schema (e.g. a v2 origin that is no valid host).
  const migrated = migrateSettings(parsed.output, version);
  const current = v.safeParse(SettingsSchema, migrated);
  if (!current.success) {
    for (const issue of current.issues) errors.push(importIssue(issue));
    return { ok: false, errors };
  }
  if (errors.length > 0) return { ok: false, errors };
  const { settings } = sanitizeSettings(current.output);
  return { ok: true, settings, fromVersion: version };
}

function importIssue(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  const where = path ? `settings.${path}` : 'settings';
  if (issue.kind === 'schema' && issue.type === 'strict_object' && issue.input !== undefined) {
    return `${where}: unknown setting`;
  }
  if (issue.input === undefined) return `${where}: missing (${issue.expected ?? 'required'})`;
  return `${where}: ${issue.message}`;
}

const LABELS: Record<keyof Settings, string> = {
  topicsOff: 'Topics turned off',
  topicsOn: 'Topics turned on',
  hiddenTerms: 'Hidden terms',
  pausedSites: 'Paused sites',
  pauseExceptions: 'Resumed inside a paused wildcard',
  trigger: 'Card opens on',
  dwellMs: 'Hover delay',
  highlightStyle: 'Highlight style',
  highlightColor: 'Highlight colour',
  firstOccurrenceOnly: 'First occurrence only',
  showQA: 'Q&A in the card',
};

/** Display names for ids in change descriptions; ids are shown as they are when a name is unknown. */
export interface ChangeNames {
  topic?(id: string): string | undefined;
  term?(id: string): string | undefined;
}

/** Human-readable list of what differs between two settings, e.g. after an import. */
export function describeChanges(before: Settings, after: Settings, names: ChangeNames = {}): string[] {
  const out: string[] = [];
  for (const key of SETTING_KEYS) {
    const a = before[key];
    const b = after[key];
    if (Array.isArray(a) && Array.isArray(b)) {
      const name =
        key === 'topicsOff' || key === 'topicsOn'
          ? names.topic
          : key === 'hiddenTerms'
            ? names.term
            : undefined;
      const show = (ids: string[]) => ids.map((id) => name?.(id) ?? id).join(', ');
      const added = b.filter((x) => !a.includes(x));
      const removed = a.filter((x) => !b.includes(x));
      const parts = [];
      if (added.length) parts.push(`added ${show(added)}`);
      if (removed.length) parts.push(`removed ${show(removed)}`);
      if (parts.length) out.push(`${LABELS[key]}: ${parts.join('; ')}`);
    } else if (a !== b) {
      out.push(`${LABELS[key]}: ${String(a)} → ${String(b)}`);
    }
  }
  return out;
}
