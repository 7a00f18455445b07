interface Props {
  host: string;
  paused: boolean;
  onChange: (paused: boolean) => void;
}

/** "Pause on this site" as a switch (a checkbox with role="switch": Space toggles it). */
export function SiteSwitch({ host, paused, onChange }: Props) {
  return (
    <label class="switch">
      <input
        type="checkbox"
        role="switch"
        checked={paused}
        onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <span class="switch-track" aria-hidden="true" />
      <span>
        Pause on <span class="host">{host}</span>
      </span>
    </label>
  );
}
