// The popup's prebuilt Fuse.js index, in its own module so the content script never bundles it.
import data from './generated/search-index.json';
import type { SearchIndexData } from './types';

export const searchIndex = data as SearchIndexData;
export default searchIndex;
