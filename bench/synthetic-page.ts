// A large synthetic news article page: the markup of a real article page (masthead, nav, many
// sections of paragraphs with inline links and emphasis, pull quotes, lists, figures, sidebar, footer)
// repeated until it reaches the target size, with the briefing's terms sprinkled through it.
import { pick, type Random, seeded } from './random';

const WORDS = (
  'the of and to in a is that for on with as was by at from it be are this an has have had not but ' +
  'which their they were or its more after about over said would new also government officials year ' +
  'country people minister week talks policy public state region security foreign economic report ' +
  'support military political leaders agreement plan could than been some other into two first last ' +
  'under between against while during since because however between both many most such only city ' +
  'market president analysts council statement election meeting parliament border trade energy ' +
  'prices budget court spokesman ministry committee sanctions allies negotiators summit capital ' +
  'province region crisis pressure proposal decision response conflict ceasefire envoy delegation'
).split(' ');

/** Sentences that carry the briefing's terms, in several forms, as a reader would meet them. */
const TERM_SENTENCES = [
  'Officials said the Abraham Accords remain the template for any new <em>normalization</em> deal.',
  'Pakistan has signalled that normalizing relations with Israel would stir domestic upheaval.',
  'The Trump administration made expansion a <a href="#p">precondition</a> for the Iran nuclear talks.',
  'Analysts in the United Arab Emirates described normalisation as a strategic bet that paid off.',
  'Bahrain and the UAE joined in 2020, when the Israeli–Palestinian conflict was again set aside.',
  'Critics called the demand maximalist and warned it looked more like coercion than partnership.',
  'Questions of sovereignty and of foundational state documents weigh on Muslim-majority countries.',
  'Iran’s regional influence and unresolved Palestinian statehood complicate the calculus for US allies.',
  'A nuclear-armed Pakistan, officials argued, cannot be treated as a pawn for Washington’s leverage.',
  'Diplomats fear the strategy will erode regional cohesion just when it matters most.',
];

function sentence(random: Random): string {
  const n = 8 + Math.floor(random() * 18);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(pick(random, WORDS));
  const first = words[0] ?? 'the';
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  // Some inline markup, as in real copy: a link or emphasis every few sentences.
  if (random() < 0.25) {
    const at = 1 + Math.floor(random() * (n - 2));
    words[at] = random() < 0.5 ? `<a href="#s${at}">${words[at]}</a>` : `<em>${words[at]}</em>`;
  }
  return `${words.join(' ')}.`;
}

function paragraph(random: Random): string {
  const parts: string[] = [];
  const n = 3 + Math.floor(random() * 4);
  for (let i = 0; i < n; i++) parts.push(random() < 0.06 ? pick(random, TERM_SENTENCES) : sentence(random));
  return `<p>${parts.join(' ')}</p>`;
}

function section(random: Random, index: number): string {
  const out: string[] = [`<h2 id="section-${index}">${sentence(random).slice(0, -1)}</h2>`];
  const paragraphs = 6 + Math.floor(random() * 6);
  for (let i = 0; i < paragraphs; i++) {
    out.push(paragraph(random));
    const r = random();
    if (r < 0.05) out.push(`<blockquote class="pullquote"><p>“${sentence(random)}”</p></blockquote>`);
    else if (r < 0.09)
      out.push(`<ul class="facts">${[0, 1, 2].map(() => `<li>${sentence(random)}</li>`).join('')}</ul>`);
    else if (r < 0.12)
      out.push(
        `<figure><div class="ph" role="img" aria-label="Photo"></div><figcaption>${sentence(random)} ` +
          `<span class="credit">Photograph: Staff</span></figcaption></figure>`,
      );
  }
  return `<section>${out.join('\n')}</section>`;
}

const HEAD = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Synthetic long read</title>
<style>
body{font:18px/1.6 Georgia,serif;margin:0;background:#fbf9f5;color:#1b1b1b}
header,footer{background:#fff;padding:12px 20px;border-bottom:1px solid #ddd}
nav a{margin-right:16px}.layout{display:grid;grid-template-columns:1fr 280px;gap:40px;max-width:1180px;margin:auto;padding:20px}
.pullquote{border-left:4px solid #9b2c1f;padding-left:16px;font-style:italic}.ph{height:160px;background:#ccc}
aside{font:15px/1.5 system-ui,sans-serif}
</style></head><body>
<header><strong>The Synthetic Herald</strong><nav><a href="#w">World</a><a href="#p">Politics</a><a href="#b">Business</a><a href="#o">Opinion</a></nav></header>
<div class="layout"><main><article><h1>A very long report on diplomacy, trade and security</h1>
<p class="standfirst">A generated long read used to measure Briefing Lens on a very large page.</p>
<p class="byline">By Bench Writer · <time datetime="2026-01-01">1 January 2026</time></p>
`;

/** An article page of at least `targetBytes` bytes (UTF-8), deterministic for a given seed. */
export function syntheticArticle(targetBytes = 5 * 1024 * 1024, seed = 8): string {
  const random = seeded(seed);
  const tailRandom = seeded(seed + 1);
  const tail = `</article></main><aside><h2>Most read</h2><ol>${[1, 2, 3, 4, 5]
    .map((i) => `<li><a href="#m${i}">${sentence(tailRandom)}</a></li>`)
    .join(
      '',
    )}</ol></aside></div><footer><p>The Synthetic Herald: generated by bench/synthetic-page.ts.</p></footer></body></html>\n`;
  const parts = [HEAD];
  let bytes = Buffer.byteLength(HEAD) + Buffer.byteLength(tail);
  for (let i = 0; bytes < targetBytes; i++) {
    const s = section(random, i);
    parts.push(s);
    bytes += Buffer.byteLength(s) + 1;
  }
  parts.push(tail);
  return parts.join('\n');
}
