import type { Term } from '../../glossary/types';

/** A titled row of term chips that switch the card to that term (related terms, "Did you mean"). */
export function TermChips(props: {
  id: string;
  heading: string;
  terms: Term[];
  onSelectTerm(id: string): void;
}) {
  return (
    <section class="bl-section" aria-labelledby={props.id}>
      <h3 class="bl-heading" id={props.id}>
        {props.heading}
      </h3>
      <ul class="bl-chips">
        {props.terms.map((t) => (
          <li key={t.id}>
            <button type="button" class="bl-chip" onClick={() => props.onSelectTerm(t.id)}>
              {t.label}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
