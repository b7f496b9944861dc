/**
 * `npm run eval [-- file.jsonl]`: runs a question file through retrieval and the offline answerer and prints
 * recall@3, the share of answers whose citations carry the expected fact, abstention accuracy and verbatim quoting.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadLibrary } from '../../src/adapters/knowledge/load-library.ts';
import { createMinisearchRetriever } from '../../src/adapters/knowledge/minisearch-retriever.ts';
import { createAnswerService } from '../../src/app/answer-question.ts';
import type { Answer } from '../../src/core/answer-types.ts';

/** One line of a question file (the format of ../shared/dev-questions.jsonl). */
export const evalQuestionSchema = z.object({
  id: z.string(),
  q: z.string(),
  /** Regex the cited quotes must match (case-insensitive). */
  expect: z.string().optional(),
  /** True for questions the library does not cover. */
  abstain: z.boolean().optional(),
});
/** A parsed question. */
export type EvalQuestion = z.infer<typeof evalQuestionSchema>;

/** The eval's figures. */
export interface EvalReport {
  recallAt3: number;
  factInCitations: number;
  abstentionAccuracy: number;
  verbatim: number;
  failures: string[];
}

/** Targets from the issue. */
export const TARGETS = { recallAt3: 0.95, factInCitations: 0.9, abstentionAccuracy: 1, verbatim: 1 } as const;

/** Parses a JSON-lines question file. */
export function readQuestions(file: string): EvalQuestion[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .map((line, i) => {
      const parsed = evalQuestionSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message ?? 'invalid line'}`);
      return parsed.data;
    });
}

/** Evaluates the questions against the shipped library with the offline answerer. */
export async function evaluate(questions: EvalQuestion[]): Promise<EvalReport> {
  const library = loadLibrary();
  const retriever = createMinisearchRetriever(library);
  const service = createAnswerService({ library, retriever, claude: null });
  const failures: string[] = [];
  let recalled = 0;
  let factual = 0;
  let inScope = 0;
  let abstainedRight = 0;
  let quotes = 0;
  let verbatim = 0;
  for (const question of questions) {
    const result = await service.ask(question.q);
    if (result.kind !== 'answer') {
      failures.push(`${question.id}: rejected as invalid (${result.message})`);
      continue;
    }
    const answer: Answer = result.answer;
    if (answer.abstained === Boolean(question.abstain)) abstainedRight++;
    else failures.push(`${question.id}: ${question.abstain ? 'should abstain but answered' : 'abstained'} — "${question.q}"`);
    for (const citation of answer.citations) {
      quotes++;
      if (library.byId.get(citation.passageId)?.text.includes(citation.quote)) verbatim++;
      else failures.push(`${question.id}: citation [${citation.n}] not verbatim in ${citation.passageId}`);
    }
    if (question.abstain || !question.expect) continue;
    inScope++;
    const expect = new RegExp(question.expect, 'i');
    const top3 = retriever.search(question.q, 3);
    if (top3.some((r) => expect.test(r.passage.text))) recalled++;
    else failures.push(`${question.id}: recall@3 miss — "${question.q}" → ${top3.map((r) => r.passage.id).join(', ') || '(nothing)'}`);
    if (!answer.abstained && expect.test(answer.citations.map((c) => c.quote).join('\n'))) factual++;
    else failures.push(`${question.id}: fact /${question.expect}/ not in citations of "${question.q}" → ${answer.citations.map((c) => c.passageId).join(', ')}`);
  }
  return {
    recallAt3: inScope ? recalled / inScope : 1,
    factInCitations: inScope ? factual / inScope : 1,
    abstentionAccuracy: questions.length ? abstainedRight / questions.length : 1,
    verbatim: quotes ? verbatim / quotes : 1,
    failures,
  };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const file = resolve(process.argv[2] ?? fileURLToPath(new URL('./questions.jsonl', import.meta.url)));
  const questions = readQuestions(file);
  const report = await evaluate(questions);
  const line = (name: string, value: number, target: number) =>
    console.log(`${name.padEnd(28)} ${value.toFixed(3)}  (target ≥ ${target}: ${value >= target ? 'met' : 'MISSED'})`);
  console.log(`${file}: ${questions.length} questions`);
  line('recall@3', report.recallAt3, TARGETS.recallAt3);
  line('fact in citations', report.factInCitations, TARGETS.factInCitations);
  line('abstention accuracy', report.abstentionAccuracy, TARGETS.abstentionAccuracy);
  line('citations quoted verbatim', report.verbatim, TARGETS.verbatim);
  if (report.failures.length) console.log(`\n${report.failures.join('\n')}`);
}
