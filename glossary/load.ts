// Reads briefing folders from disk for the compiler (Node only: the CLI and the tests use it).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PackFile } from './compile';

export const PACK_FILE = 'pack.ts';

/**
 * One `PackFile` per folder under `root` (sorted by name, so output does not depend on the file
 * system's order). Paths in messages are relative to `cwd`.
 */
export async function loadPacks(root: string, cwd = process.cwd()): Promise<PackFile[]> {
  const folders = readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory())
    .sort();
  return Promise.all(folders.map((folder) => loadPack(join(root, folder), cwd)));
}

export async function loadPack(dir: string, cwd = process.cwd()): Promise<PackFile> {
  const packPath = join(dir, PACK_FILE);
  const file = relative(cwd, packPath) || packPath;
  const folder = dir.split(/[\\/]/).pop();
  if (!existsSync(packPath)) return { file, folder, pack: undefined, source: undefined };
  const mod = (await import(pathToFileURL(packPath).href)) as { default?: unknown };
  const pack = mod.default;
  const sourceName = (pack as { source?: { file?: unknown } } | undefined)?.source?.file;
  const sourcePath = typeof sourceName === 'string' ? join(dir, sourceName) : undefined;
  const source = sourcePath && existsSync(sourcePath) ? readFileSync(sourcePath, 'utf8') : undefined;
  return { file, folder, pack, source };
}
