// The options container: reads and watches the settings, writes changes, reports outcomes.
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  describeChanges,
  exportSettings,
  getSettings,
  parseImport,
  replaceSettings,
  updateSettings,
  watchSettings,
} from '../../lib/settings';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings-types';
import { downloadText } from './download';
import { OptionsPage, Shell, type Status } from './OptionsPage';
import type { ImportOutcome, TermSummary, TopicSummary } from './types';

interface Props {
  topics: TopicSummary[];
  terms: TermSummary[];
}

export function OptionsApp({ topics, terms }: Props) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const seq = useRef(0);
  const say = (kind: NonNullable<Status>['kind'], message: string) => {
    seq.current += 1;
    setStatus({ kind, message, seq: seq.current });
  };

  useEffect(() => {
    let live = true;
    getSettings().then((s) => live && setSettings(s));
    // Changes from other tabs, devices or the popup show up here too.
    const stop = watchSettings((s) => setSettings(s));
    return () => {
      live = false;
      stop();
    };
  }, []);

  if (!settings) {
    return (
      <Shell status={status}>
        <p>Loading your settings…</p>
      </Shell>
    );
  }

  const fail = async (err: unknown) => {
    say('error', err instanceof Error ? err.message : String(err));
    // Show what is really stored, not the optimistic value that failed to save.
    setSettings(await getSettings());
  };

  const onChange = (patch: Partial<Settings>) => {
    setSettings((s) => (s ? { ...s, ...patch } : s));
    updateSettings(patch).then(() => say('saved', 'Saved.'), fail);
  };

  const onExport = () => {
    const day = new Date().toISOString().slice(0, 10);
    downloadText(exportSettings(settings), `briefing-lens-settings-${day}.json`);
    say('info', 'Settings exported.');
  };

  const onImport = async (text: string): Promise<ImportOutcome> => {
    const parsed = parseImport(text);
    if (!parsed.ok) {
      say('error', 'Import failed: nothing was changed.');
      return parsed;
    }
    const before = await getSettings();
    try {
      await replaceSettings(parsed.settings);
    } catch (err) {
      await fail(err);
      return { ok: false, errors: [err instanceof Error ? err.message : String(err)] };
    }
    setSettings(parsed.settings);
    say('saved', 'Settings imported.');
    const names = {
      topic: (id: string) => topics.find((t) => t.id === id)?.name,
      term: (id: string) => terms.find((t) => t.id === id)?.label,
    };
    return { ok: true, changes: describeChanges(before, parsed.settings, names) };
  };

  const onReset = async () => {
    try {
      await replaceSettings(structuredClone(DEFAULT_SETTINGS));
      setSettings(structuredClone(DEFAULT_SETTINGS));
      say('saved', 'All settings are back to their defaults.');
    } catch (err) {
      await fail(err);
    }
  };

  return (
    <OptionsPage
      settings={settings}
      topics={topics}
      terms={terms}
      status={status}
      onChange={onChange}
      onExport={onExport}
      onImport={onImport}
      onReset={onReset}
    />
  );
}
