// The glossary as the content script imports it: everything a card reads (see content-projection.ts), and
// the matching engine compiled from it.

import type { EngineData } from '../lib/match/engine';
import engine from './generated/content-engine.json';
import data from './generated/content-glossary.json';
import type { CompiledGlossary } from './types';

export const glossary = data as CompiledGlossary;
/** The matching engine, compiled from the glossary by `npm run glossary:check` (see `compileEngine`). */
export const engineData = engine as EngineData;
