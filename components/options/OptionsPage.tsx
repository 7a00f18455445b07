// The whole options form: plain, driven by props, so it renders and is tested without storage.
import type { ComponentChildren } from 'preact';
import type { Settings } from '../../lib/settings-types';
import { BehaviourSection } from './BehaviourSection';
import { DataSection } from './DataSection';
import { SitesSection } from './SitesSection';
import { TermsSection } from './TermsSection';
import { TopicsSection } from './TopicsSection';
import type { ImportOutcome, OnChange, TermSummary, TopicSummary } from './types';

export type Status = { kind: 'saved' | 'error' | 'info'; message: string; seq: number } | null;

interface Props {
  settings: Settings;
  topics: TopicSummary[];
  terms: TermSummary[];
  status: Status;
  onChange: OnChange;
  onExport: () => void;
  onImport: (text: string) => Promise<ImportOutcome>;
  onReset: () => Promise<void>;
}

const SECTIONS = [
  ['topics', 'Topics'],
  ['terms', 'Terms'],
  ['behaviour', 'Behaviour'],
  ['sites', 'Paused sites'],
  ['data', 'Your data'],
] as const;

export function OptionsPage(props: Props) {
  const { settings, topics, terms, onChange } = props;
  const termCounts: Record<string, number> = {};
  for (const t of terms) termCounts[t.topic] = (termCounts[t.topic] ?? 0) + 1;
  return (
    <Shell status={props.status}>
      <TopicsSection topics={topics} termCounts={termCounts} settings={settings} onChange={onChange} />
      <TermsSection terms={terms} topics={topics} settings={settings} onChange={onChange} />
      <BehaviourSection settings={settings} onChange={onChange} />
      <SitesSection
        pausedSites={settings.pausedSites}
        pauseExceptions={settings.pauseExceptions}
        onChange={onChange}
      />
      <DataSection onExport={props.onExport} onImport={props.onImport} onReset={props.onReset} />
    </Shell>
  );
}

/** Header, section navigation, the status line and the main landmark; also used while loading. */
export function Shell({ status, children }: { status: Status; children: ComponentChildren }) {
  return (
    <div class="layout">
      <header class="masthead">
        <h1>Briefing Lens options</h1>
        <p class="hint">Changes are saved at once and apply to every open tab.</p>
      </header>
      <nav aria-label="Sections">
        <ul>
          {SECTIONS.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        {/* Always in the DOM so screen readers announce each new message. */}
        <div class={`status ${status ? `status-${status.kind}` : ''}`} role="status" aria-live="polite">
          {status && <span key={status.seq}>{status.message}</span>}
        </div>
        {children}
      </main>
    </div>
  );
}
