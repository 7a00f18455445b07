// The glossary as the content script imports it: everything but passage texts (see content-projection.ts).

import data from './generated/content-glossary.json';
import type { CompiledGlossary } from './types';

export const glossary = data as CompiledGlossary;
