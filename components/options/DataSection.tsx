import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportOutcome } from './types';

interface Props {
  onExport: () => void;
  /** Validates and applies an imported file's text. */
  onImport: (text: string) => Promise<ImportOutcome>;
  onReset: () => Promise<void>;
}

const MAX_IMPORT_BYTES = 256 * 1024;

type Report =
  | { kind: 'errors'; file: string; items: string[] }
  | { kind: 'changes'; file: string; items: string[] };

export function DataSection({ onExport, onImport, onReset }: Props) {
  const [report, setReport] = useState<Report | null>(null);
  const [confirming, setConfirming] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  // Focus follows the inline confirmation: onto "Reset" when it opens, back when it closes.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) resetButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    // A settings file is a few KB; anything far larger is the wrong file, not worth reading.
    if (file.size > MAX_IMPORT_BYTES) {
      input.value = '';
      setReport({
        kind: 'errors',
        file: file.name,
        items: [
          `The file is ${Math.round(file.size / 1024)} KB; a settings file is a few KB. Is it the right file?`,
        ],
      });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setReport({ kind: 'errors', file: file.name, items: ['The file could not be read.'] });
      return;
    } finally {
      // Lets the same file be chosen again after it is fixed.
      input.value = '';
    }
    const outcome = await onImport(text);
    setReport(
      outcome.ok
        ? { kind: 'changes', file: file.name, items: outcome.changes }
        : { kind: 'errors', file: file.name, items: outcome.errors },
    );
  };

  return (
    <section id="data" aria-labelledby="data-heading">
      <h2 id="data-heading">Your data</h2>
      <p class="hint">
        Settings sync through your browser account. Save them to a file to keep a copy or move them elsewhere.
      </p>
      <div class="actions">
        <button type="button" onClick={onExport}>
          Export settings…
        </button>
        <input
          id="import-file"
          class="visually-hidden"
          type="file"
          accept="application/json,.json"
          onChange={(e) => importFile(e.currentTarget)}
        />
        <label for="import-file" class="button">
          Import settings…
        </label>
      </div>

      {report?.kind === 'errors' && (
        <div class="report error-report" role="alert">
          <p>
            Nothing was changed: <strong>{report.file}</strong> has{' '}
            {report.items.length === 1 ? 'a problem' : `${report.items.length} problems`}:
          </p>
          <ul>
            {report.items.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </div>
      )}
      {report?.kind === 'changes' && (
        <div class="report ok-report" role="status">
          {report.items.length === 0 ? (
            <p>
              Imported <strong>{report.file}</strong>: it matched your settings, nothing changed.
            </p>
          ) : (
            <>
              <p>
                Imported <strong>{report.file}</strong>. What changed:
              </p>
              <ul>
                {report.items.map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}

      <div class="danger">
        {!confirming ? (
          <button
            type="button"
            ref={resetButton}
            onClick={() => {
              setConfirming(true);
              setReport(null);
            }}
          >
            Reset to defaults…
          </button>
        ) : (
          <div
            class="confirm"
            role="group"
            aria-labelledby="reset-question"
            onKeyDown={(e) => {
              if (e.key === 'Escape') setConfirming(false);
            }}
          >
            <p id="reset-question">
              Reset every setting to its default? Topics, hidden terms and paused sites are all cleared.
            </p>
            <div class="actions">
              <button
                type="button"
                class="destructive"
                ref={confirmButton}
                onClick={async () => {
                  await onReset();
                  setConfirming(false);
                }}
              >
                Reset
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
