// Held-out pages, written for the engine and never used to tune it: other wordings, other traps, and
// the layouts real sites have (menus, sidebars, tag lists) around an off-topic article. The same checks
// as the dev set: every expect painted under its concept, no forbid painted, nothing lit off-topic.

import { describe, expect, it } from 'vitest';
import { glossary } from '../../glossary';
import { createEngine } from '../../lib/match/engine';
import { evaluate, type LabeledCase } from './labeled-pages';

const page = (body: string) => `<!doctype html><html><body>${body}</body></html>`;

/** A news site's chrome: its menu and "most read" list sit on every page, sport included. */
const SITE_NAV = `<nav><ul><li><a href="/world">World</a></li><li><a href="/mideast">Middle East</a></li>
  <li><a href="/israel-gaza">Israel-Gaza war</a></li><li><a href="/gulf">Saudi Arabia</a></li></ul></nav>`;
const MOST_READ = `<aside><h2>Most read</h2><ol><li><a href="/a">Trump's Iran deal falters as Tehran digs in</a></li>
  <li><a href="/b">Five years on, the Abraham Accords reshape Gulf trade</a></li></ol></aside>`;

/** `chrome`: real mentions in a site's menu or sidebar, which an off-topic article page may show. */
const CASES: Array<LabeledCase & { chrome?: string[] }> = [
  {
    id: 'wire-riyadh-wording',
    page: 'on-topic',
    html: page(`<article><h1>Riyadh keeps Washington waiting</h1>
      <p>Saudi officials said the kingdom would not normalise ties with Israel before a credible path to a
      Palestinian state, a condition the Trump administration has called unrealistic.</p>
      <p>Diplomats in the Gulf say the <em>Abraham</em> Accords cannot grow while the Israeli–Palestinian
      conflict festers, and that Pakistan, a nuclear-armed Muslim-majority country, faces domestic unrest
      if it moves.</p></article>`),
    expect: [
      { text: 'normalise ties', concept: 'normalization' },
      { text: 'Palestinian state', concept: 'palestinian-statehood' },
      { text: 'Trump administration', concept: 'trump-administration' },
      { text: 'Abraham Accords', concept: 'abraham-accords' },
      { text: 'Israeli–Palestinian conflict', concept: 'israeli-palestinian-conflict' },
      { text: 'Pakistan', concept: 'pakistan' },
      { text: 'nuclear-armed', concept: 'nuclear-armed' },
      { text: 'domestic unrest', concept: 'domestic-upheaval' },
    ],
    forbid: [],
  },
  {
    id: 'blog-typos-and-caps',
    page: 'on-topic',
    html: page(`<main><p>ABRAHAM ACCORDS EXPANSION IS A MAXIMALIST DEMAND.</p>
      <p>honestly the normalisaton push with israel ignores pakistans soverignty and the Bahrian example
      is not comparable.</p></main>`),
    expect: [
      { text: 'ABRAHAM ACCORDS', concept: 'abraham-accords' },
      { text: 'MAXIMALIST', concept: 'maximalism' },
      { text: 'normalisaton', concept: 'normalization', fuzzy: true },
      { text: 'soverignty', concept: 'sovereignty', fuzzy: true },
      { text: 'Bahrian', concept: 'bahrain', fuzzy: true },
    ],
    forbid: [],
  },
  {
    id: 'cricket-on-a-news-site',
    page: 'off-topic',
    html: page(`${SITE_NAV}<article><h1>Pakistan hold on in Abu Dhabi</h1>
      <p>Pakistan's tail wagged again as the UAE attack tired on the final afternoon, with Pakistani
      supporters packing the stands in the heat.</p><p>The leverage of a first-innings lead told in the end.</p>
      </article>${MOST_READ}`),
    expect: [],
    forbid: [
      { text: 'Pakistan', why: 'cricket' },
      { text: 'UAE', why: 'cricket' },
      { text: 'leverage', why: 'sporting sense' },
    ],
    chrome: ['Israel', 'Iran deal', 'Abraham Accords'],
  },
  {
    id: 'ml-batch-norm-tutorial',
    page: 'off-topic',
    html: page(`<article><h1>Why batch normalization works</h1>
      <p>Normalization layers leverage running statistics; we normalize activations so training is stable.
      Many teams in Israel and elsewhere use normalized inputs.</p>
      <p>Coercing dtypes is a separate concern: coercion between float16 and float32 loses precision.</p></article>`),
    expect: [],
    forbid: [
      { text: 'normalization', why: 'machine learning' },
      { text: 'normalize', why: 'machine learning' },
      { text: 'leverage', why: 'plain verb' },
      { text: 'coercion', why: 'type conversion' },
    ],
  },
  {
    id: 'travel-dubai-guide',
    page: 'off-topic',
    html: page(`<article><h1>Three days in the Emirates</h1><p>The UAE is easy to reach from Pakistan and
      Bahrain, and Emirati hospitality is legendary. Book the desert safari early.</p></article>`),
    expect: [],
    forbid: [
      { text: 'UAE', why: 'travel' },
      { text: 'Pakistan', why: 'travel' },
      { text: 'Bahrain', why: 'travel' },
      { text: 'Emirati', why: 'travel' },
    ],
  },
  {
    id: 'history-abraham-and-accords',
    page: 'off-topic',
    html: page(`<article><p>The accords signed at Locarno in 1925 were hailed as a new era; Abraham Lincoln's
      Gettysburg Address, by contrast, was barely noticed. Abraham's covenant and the Helsinki Accords appear
      in the syllabus too.</p></article>`),
    expect: [],
    forbid: [
      { text: 'Abraham Lincoln', why: 'a person' },
      { text: 'Helsinki Accords', why: 'another treaty' },
      { text: 'accords', why: 'generic' },
    ],
  },
];

describe('held-out labeled pages (Node)', () => {
  const engine = createEngine(glossary);
  const results = CASES.map((c) => evaluate(engine, c));

  it('paints every expected mention under its concept', () => {
    const missed = results.flatMap((r) => r.missed.map((x) => `${r.c.id}: "${x.text}" as ${x.concept}`));
    expect(missed).toEqual([]);
  });

  it('paints no forbidden text and nothing at all off-topic', () => {
    const wrong = results.flatMap((r, i) => [
      ...r.forbidden.map((f) => `${r.c.id}: forbidden "${f.text}"`),
      ...(r.c.page === 'off-topic'
        ? r.painted
            .filter((p) => !(CASES[i]?.chrome ?? []).includes(p.text))
            .map((p) => `${r.c.id}: "${p.text}" as ${p.term}`)
        : []),
    ]);
    expect(wrong).toEqual([]);
  });
});
