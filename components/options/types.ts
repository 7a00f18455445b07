// Props shared by the options form's sections.
import type { Term, Topic } from '../../glossary/types';
import type { Settings } from '../../lib/settings-types';

/** What the terms list needs of a term. */
export type TermSummary = Pick<Term, 'id' | 'label' | 'topic' | 'aliases'>;
export type TopicSummary = Pick<Topic, 'id' | 'name' | 'description' | 'defaultOn'>;

/** Applies a change; the container writes it and reports the outcome in the status line. */
export type OnChange = (patch: Partial<Settings>) => void;

export type ImportOutcome = { ok: true; changes: string[] } | { ok: false; errors: string[] };
