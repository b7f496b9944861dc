/** Where the shipped data folders live, relative to this checkout. */
import { fileURLToPath } from 'node:url';

/** The coaching library folder (knowledge/). */
export const defaultKnowledgeDir = fileURLToPath(new URL('../../../knowledge/', import.meta.url));
/** The prompt templates folder (prompts/). */
export const defaultPromptsDir = fileURLToPath(new URL('../../../prompts/', import.meta.url));
