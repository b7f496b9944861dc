/**
 * Where the shipped data folders live, relative to this checkout. The running code is `src/` (tests, `npm run dev`)
 * or `dist/` (the build, where `npm start`'s entry is one bundled file): both sit in the checkout's root folder,
 * so paths are found from the `src`/`dist` folder this module was loaded from, wherever the module itself sits in it.
 */
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The `src` or `dist` folder a module file at `file` belongs to (the folder the file sits in when there is neither). */
export function codeFolderOf(file: string): string {
  const parts = file.split(sep);
  for (let i = parts.length - 2; i > 0; i--) if (parts[i] === 'src' || parts[i] === 'dist') return parts.slice(0, i + 1).join(sep);
  return dirname(file);
}

/** The folder of the running code: `<checkout>/src` or `<checkout>/dist`. */
export const codeFolder = codeFolderOf(fileURLToPath(import.meta.url));
/** The checkout's root folder. */
export const rootFolder = dirname(codeFolder);
/** The coaching library folder (knowledge/). */
export const defaultKnowledgeDir = join(rootFolder, 'knowledge') + sep;
/** The prompt templates folder (prompts/). */
export const defaultPromptsDir = join(rootFolder, 'prompts') + sep;
