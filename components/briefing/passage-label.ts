import type { Briefing, CompiledGlossary } from '../../glossary/types';

const PART_NAMES: Record<string, string> = {
  headline: 'Headline',
  standfirst: 'Standfirst',
  'key-points': 'Key points',
  analysis: 'Analysis',
  report: 'Report',
  quotes: 'Notable quote',
  conversation: 'Conversation',
};

/** Where a passage sits in its briefing, in words a reader can find: "Report, paragraph 3". */
export function passageLabel(glossary: CompiledGlossary, id: string): string {
  const passage = glossary.passages[id];
  if (!passage) return 'The briefing';
  const part = PART_NAMES[passage.part] ?? passage.part;
  const briefing: Briefing | undefined = glossary.briefings.find((b) => b.id === passage.briefing);
  const list =
    passage.part === 'key-points'
      ? briefing?.keyPoints
      : passage.part === 'analysis'
        ? briefing?.analysis
        : passage.part === 'report'
          ? briefing?.report
          : undefined;
  const at = list ? list.indexOf(id) : -1;
  if (at >= 0) return `${part}, ${passage.part === 'key-points' ? 'point' : 'paragraph'} ${at + 1}`;
  return part;
}
