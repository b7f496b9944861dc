/** Reads prompt templates from prompts/*.md, so prompt text lives in data, not code. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPromptsDir } from '../knowledge/paths.ts';

/** The named prompt (without .md), trimmed; throws with the file path when it is missing. */
export function loadPrompt(name: string, dir: string = defaultPromptsDir): string {
  const file = join(dir, `${name}.md`);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new Error(`prompt ${file} could not be read: ${(error as Error).message}`);
  }
}
