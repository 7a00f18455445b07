// Just enough of Source Map v3 to say which source file a generated line:column came from, so the
// profile of the minified content script can be read by module (no dependency for a 40-line decoder).

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** Decodes one VLQ group ("AAgBC") into its signed integers. */
export function decodeVlq(group: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of group) {
    const digit = DIGIT.get(ch);
    if (digit === undefined) throw new Error(`bad VLQ character ${ch}`);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

export interface SourceMapV3 {
  sources: string[];
  names?: string[];
  mappings: string;
}

export interface Origin {
  /** The source file, without the leading `../` of the bundle's relative paths. */
  source: string;
  /** The original identifier at that position, when the map names one (a function's own name). */
  name?: string;
}

/** Maps a generated position (0-based line and column) to its source file and name, or undefined. */
export function sourceLookup(map: SourceMapV3): (line: number, column: number) => Origin | undefined {
  // Per generated line: segment start columns, their source indexes and name indexes, in column order.
  const lines: Array<{ cols: number[]; srcs: number[]; names: number[] }> = [];
  let src = 0;
  let name = 0;
  for (const text of map.mappings.split(';')) {
    const cols: number[] = [];
    const srcs: number[] = [];
    const names: number[] = [];
    let col = 0;
    for (const group of text ? text.split(',') : []) {
      const f = decodeVlq(group);
      col += f[0] ?? 0;
      if (f.length >= 4) {
        src += f[1] ?? 0;
        if (f.length >= 5) name += f[4] ?? 0;
        cols.push(col);
        srcs.push(src);
        names.push(f.length >= 5 ? name : -1);
      }
    }
    lines.push({ cols, srcs, names });
  }
  return (line, column) => {
    const l = lines[line];
    if (!l || l.cols.length === 0) return undefined;
    let lo = 0;
    let hi = l.cols.length - 1;
    if ((l.cols[0] ?? 0) > column) return undefined;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((l.cols[mid] ?? 0) <= column) lo = mid;
      else hi = mid - 1;
    }
    const source = map.sources[l.srcs[lo] ?? -1];
    if (source === undefined) return undefined;
    const n = map.names?.[l.names[lo] ?? -1];
    return { source: source.replace(/^(\.\.\/)+/, ''), ...(n ? { name: n } : {}) };
  };
}
