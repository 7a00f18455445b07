// A block is the text a reader sees as one run: the text nodes of one block-level container, with inline
// elements' text concatenated (so `Abraham <em>Accords</em>` reads as one phrase). Offsets into `text`
// map back to (text node, offset) for building ranges.

export interface Block {
  /** Text nodes in document order; never empty. */
  nodes: Text[];
  /** `starts[i]` is the offset in `text` where `nodes[i]` begins. */
  starts: number[];
  /** The concatenated data of `nodes`. */
  text: string;
  /** The nearest block-level ancestor (or shadow root / document) that delimits this block. */
  container: Node;
}

export interface NodePoint {
  node: Text;
  offset: number;
}

/** Index of the node holding block offset `offset` (for an end offset, the node it ends in). */
function nodeIndex(block: Block, offset: number, isEnd: boolean): number {
  const { starts } = block;
  let lo = 0;
  let hi = starts.length - 1;
  // Last node whose start is < offset (end) or <= offset (start).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid] as number;
    if (isEnd ? s < offset : s <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Maps a block offset to a text position. Start offsets on a node boundary go to the next node and end
 * offsets to the previous one, so a range never begins or ends on an empty stretch of a neighbouring node.
 */
export function locate(block: Block, offset: number, isEnd = false): NodePoint {
  const i = nodeIndex(block, offset, isEnd);
  const node = block.nodes[i] as Text;
  const within = offset - (block.starts[i] as number);
  return { node, offset: Math.max(0, Math.min(within, node.data.length)) };
}

/** Indices of the first and last nodes a [start, end) span touches. */
export function nodeSpan(block: Block, start: number, end: number): [number, number] {
  return [nodeIndex(block, start, false), nodeIndex(block, end, true)];
}
