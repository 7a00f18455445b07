import type { ComponentChildren } from 'preact';

export interface CardFrameProps {
  titleId: string;
  /** Text, or text with markup (the "no match" card isolates the reader's selection in a `<bdi>`). */
  title: ComponentChildren;
  subtitle?: string;
  pinned: boolean;
  onTogglePin(): void;
  onClose(): void;
  children: ComponentChildren;
}

const FOCUSABLE = 'button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/** Tab and Shift+Tab cycle within the card instead of escaping into the page behind it. */
function trapTab(e: KeyboardEvent) {
  if (e.key !== 'Tab') return;
  const frame = e.currentTarget as HTMLElement;
  const items = [...frame.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[hidden]'));
  const first = items[0];
  const last = items.at(-1);
  if (!first || !last) return;
  const active = (frame.getRootNode() as ShadowRoot | Document).activeElement;
  if (e.shiftKey && (active === first || active === frame)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && active === last) {
    e.preventDefault();
    first.focus();
  }
}

/** The dialog shell shared by the term card and the "no match" card: title, pin and close. */
export function CardFrame({
  titleId,
  title,
  subtitle,
  pinned,
  onTogglePin,
  onClose,
  children,
}: CardFrameProps) {
  return (
    // The briefing is in English whatever the page's language: screen readers should read it so, and it
    // is laid out left to right on a right-to-left page too (the host inherits the page's direction).
    <div
      class="bl-card"
      role="dialog"
      aria-labelledby={titleId}
      lang="en"
      dir="ltr"
      tabIndex={-1}
      onKeyDown={trapTab}
    >
      <div class="bl-head">
        <div class="bl-titles">
          <h2 class="bl-title" id={titleId}>
            {title}
          </h2>
          {subtitle ? <p class="bl-topic">{subtitle}</p> : null}
        </div>
        <div class="bl-tools">
          <button
            type="button"
            class="bl-icon"
            aria-pressed={pinned ? 'true' : 'false'}
            aria-label="Keep open"
            title={pinned ? 'Kept open: Esc or × closes it' : 'Keep this card open'}
            onClick={onTogglePin}
          >
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path d="M10.5 1.5 14.5 5.5 13 6 10.6 8.4 10.2 12 8.7 13.5 6 10.8 2.5 14.3 1.7 13.5 5.2 10 2.5 7.3 4 5.8 7.6 5.4 10 3z" />
            </svg>
          </button>
          <button type="button" class="bl-icon" aria-label="Close" title="Close (Esc)" onClick={onClose}>
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path d="M3.7 2.3 8 6.6l4.3-4.3 1.4 1.4L9.4 8l4.3 4.3-1.4 1.4L8 9.4l-4.3 4.3-1.4-1.4L6.6 8 2.3 3.7z" />
            </svg>
          </button>
        </div>
      </div>
      {children}
    </div>
  );
}
