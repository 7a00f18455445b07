import { useEffect, useRef, useState } from 'preact/hooks';
import { DWELL_MAX_MS, DWELL_MIN_MS } from '../../lib/settings';
import type { HighlightStyle, Settings, Trigger } from '../../lib/settings-types';
import type { OnChange } from './types';

interface Props {
  settings: Settings;
  onChange: OnChange;
}

const TRIGGER_CHOICES: { value: Trigger; label: string; hint: string }[] = [
  { value: 'hover', label: 'Hover', hint: 'Rest the pointer on a marked term.' },
  {
    value: 'alt-hover',
    label: 'Hover while holding Alt',
    hint: 'Cards never open by accident while you move the mouse.',
  },
  { value: 'click', label: 'Click', hint: 'Click a marked term; handy on touch screens.' },
];

const STYLE_CHOICES: { value: HighlightStyle; label: string; hint: string }[] = [
  {
    value: 'underline',
    label: 'Underline',
    hint: 'A dotted line under each term: quiet, keeps text readable.',
  },
  { value: 'background', label: 'Background', hint: 'A soft tint behind each term: easiest to spot.' },
  { value: 'none', label: 'None', hint: 'No marks; cards still open on the terms.' },
];

export const DWELL_SAVE_DELAY_MS = 400;

/** Colours that keep 4.5:1 contrast against white text backgrounds and read on dark ones when tinted. */
export const COLOR_PRESETS: { value: string; name: string }[] = [
  { value: '#b45309', name: 'Amber' },
  { value: '#1d4ed8', name: 'Blue' },
  { value: '#047857', name: 'Green' },
  { value: '#7c3aed', name: 'Violet' },
  { value: '#be123c', name: 'Rose' },
];

export function BehaviourSection({ settings, onChange }: Props) {
  // The slider shows its value at once but saves only once it settles: arrow keys fire a change per
  // press, and sync storage allows about two writes a second (MAX_WRITE_OPERATIONS_PER_MINUTE 120).
  const [dwell, setDwell] = useState(settings.dwellMs);
  useEffect(() => setDwell(settings.dwellMs), [settings.dwellMs]);
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; value: number } | undefined>(undefined);
  const commitDwell = () => {
    const p = pending.current;
    if (!p) return;
    clearTimeout(p.timer);
    pending.current = undefined;
    onChange({ dwellMs: p.value });
  };
  const scheduleDwell = (value: number) => {
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = { value, timer: setTimeout(commitDwell, DWELL_SAVE_DELAY_MS) };
  };
  // A change still waiting when the page goes away is saved, not dropped.
  const latestCommit = useRef(commitDwell);
  latestCommit.current = commitDwell;
  useEffect(() => () => latestCommit.current(), []);
  const isPreset = COLOR_PRESETS.some((c) => c.value === settings.highlightColor);
  const hoverTrigger = settings.trigger !== 'click';

  return (
    <section id="behaviour" aria-labelledby="behaviour-heading">
      <h2 id="behaviour-heading">Behaviour</h2>

      <fieldset>
        <legend>Open a term's card on</legend>
        {TRIGGER_CHOICES.map((c) => (
          <div class="choice" key={c.value}>
            <input
              type="radio"
              name="trigger"
              id={`trigger-${c.value}`}
              value={c.value}
              checked={settings.trigger === c.value}
              aria-describedby={`trigger-${c.value}-hint`}
              onChange={() => onChange({ trigger: c.value })}
            />
            <label for={`trigger-${c.value}`}>{c.label}</label>
            <span id={`trigger-${c.value}-hint`} class="hint">
              {c.hint}
            </span>
          </div>
        ))}
      </fieldset>

      <div class="field">
        <label for="dwell">
          Hover delay: <output for="dwell">{dwell} ms</output>
        </label>
        <input
          id="dwell"
          type="range"
          min={DWELL_MIN_MS}
          max={DWELL_MAX_MS}
          step={50}
          value={dwell}
          disabled={!hoverTrigger}
          aria-describedby="dwell-hint"
          aria-valuetext={`${dwell} milliseconds`}
          onInput={(e) => setDwell(Number(e.currentTarget.value))}
          onChange={(e) => scheduleDwell(Number(e.currentTarget.value))}
          onBlur={commitDwell}
        />
        <p id="dwell-hint" class="hint">
          {hoverTrigger
            ? 'How long the pointer rests on a term before its card opens. Longer means fewer accidental cards.'
            : 'Not used when cards open on click.'}
        </p>
      </div>

      <fieldset>
        <legend>Mark terms with</legend>
        {STYLE_CHOICES.map((c) => (
          <div class="choice" key={c.value}>
            <input
              type="radio"
              name="highlight-style"
              id={`style-${c.value}`}
              value={c.value}
              checked={settings.highlightStyle === c.value}
              aria-describedby={`style-${c.value}-hint`}
              onChange={() => onChange({ highlightStyle: c.value })}
            />
            <label for={`style-${c.value}`}>
              <span class={`sample sample-${c.value}`} style={{ '--mark': settings.highlightColor }}>
                {c.label}
              </span>
            </label>
            <span id={`style-${c.value}-hint`} class="hint">
              {c.hint}
            </span>
          </div>
        ))}
      </fieldset>

      <fieldset disabled={settings.highlightStyle === 'none'}>
        <legend>Mark colour</legend>
        <div class="swatches">
          {COLOR_PRESETS.map((c) => (
            <div class="swatch" key={c.value}>
              <input
                type="radio"
                name="highlight-color"
                id={`color-${c.value.slice(1)}`}
                value={c.value}
                checked={settings.highlightColor === c.value}
                onChange={() => onChange({ highlightColor: c.value })}
              />
              <label for={`color-${c.value.slice(1)}`}>
                <span class="dot" style={{ background: c.value }} aria-hidden="true" />
                {c.name}
              </label>
            </div>
          ))}
          <div class="swatch">
            <input
              type="color"
              id="color-custom"
              value={settings.highlightColor}
              onChange={(e) => onChange({ highlightColor: e.currentTarget.value })}
            />
            <label for="color-custom">{isPreset ? 'Custom…' : `Custom (${settings.highlightColor})`}</label>
          </div>
        </div>
      </fieldset>

      <div class="choice">
        <input
          type="checkbox"
          role="switch"
          id="first-only"
          checked={settings.firstOccurrenceOnly}
          aria-describedby="first-only-hint"
          onChange={(e) => onChange({ firstOccurrenceOnly: e.currentTarget.checked })}
        />
        <label for="first-only">First occurrence only</label>
        <span id="first-only-hint" class="hint">
          Mark only the first mention of each term on a page: less clutter on long articles.
        </span>
      </div>

      <div class="choice">
        <input
          type="checkbox"
          role="switch"
          id="show-qa"
          checked={settings.showQA}
          aria-describedby="show-qa-hint"
          onChange={(e) => onChange({ showQA: e.currentTarget.checked })}
        />
        <label for="show-qa">Show questions and answers in the card</label>
        <span id="show-qa-hint" class="hint">
          The briefing's Q&amp;A that bear on the term, under its explainer. Off keeps cards short.
        </span>
      </div>
    </section>
  );
}
