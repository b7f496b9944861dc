/** The one error a malformed knowledge file raises: it names the file and the field. */
import type { z } from 'zod';

/** A knowledge document or catalogue entry that failed validation. */
export class KnowledgeError extends Error {
  override readonly name = 'KnowledgeError';
  constructor(
    readonly file: string,
    readonly field: string,
    problem: string,
  ) {
    super(`${file}: ${field} ${problem}`);
  }
}

/** Validates one file's parsed content, or throws a KnowledgeError naming the file and the first bad field. */
export function validateKnowledge<T extends z.ZodType>(file: string, schema: T, raw: unknown): z.infer<T> {
  // jitless: these schemas parse one file once, so compiling their fast path would cost more than it saves.
  const parsed = schema.safeParse(raw, { jitless: true });
  if (!parsed.success) {
    const [field, problem] = describeZodIssues(parsed.error);
    throw new KnowledgeError(file, field, problem);
  }
  return parsed.data;
}

/** The first zod issue as [dotted field path, readable problem]. */
export function describeZodIssues(error: z.ZodError): [string, string] {
  const issue = error.issues[0];
  if (!issue) return ['(root)', 'is invalid'];
  const field = issue.path.length ? issue.path.map(String).join('.') : '(root)';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';
  return [field, `is invalid: ${issue.message}${more}`];
}
