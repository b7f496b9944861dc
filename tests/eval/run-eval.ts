/**
 * `npm run eval [-- file.jsonl …]`: runs question files through retrieval and the offline answerer and prints, per
 * file, the on-point rate per kind and overall beside recall@3, fact-in-citations, abstention accuracy and verbatim
 * quoting. With no file it runs the shipped set, ../shared/dev-questions.jsonl, the member set and its two held-out parts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLibrary } from '../../src/adapters/knowledge/load-library.ts';
import { createMinisearchRetriever } from '../../src/adapters/knowledge/minisearch-retriever.ts';
import { createAnswerService } from '../../src/app/answer-question.ts';
import type { Answer } from '../../src/core/answer-types.ts';
import { QUESTION_KINDS, evalQuestionSchema, judgeOnPoint, kindOf, type EvalQuestion, type QuestionKind } from './on-point.ts';

export { evalQuestionSchema, type EvalQuestion } from './on-point.ts';

/** On-point counts for one kind. */
export interface KindScore {
  kind: QuestionKind;
  total: number;
  onPoint: number;
}

/** The eval's figures. */
export interface EvalReport {
  recallAt3: number;
  factInCitations: number;
  abstentionAccuracy: number;
  verbatim: number;
  /** Share of questions answered on point (see on-point.ts). */
  onPoint: number;
  byKind: KindScore[];
  failures: string[];
}

/** Targets from the issues. */
export const TARGETS = { recallAt3: 0.95, factInCitations: 0.9, abstentionAccuracy: 1, verbatim: 1, onPoint: 0.95, onPointPerKind: 0.9 } as const;

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
  const byKind = new Map<QuestionKind, KindScore>(QUESTION_KINDS.map((kind) => [kind, { kind, total: 0, onPoint: 0 }]));
  let recalled = 0;
  let factual = 0;
  let inScope = 0;
  let abstainedRight = 0;
  let quotes = 0;
  let verbatim = 0;
  for (const question of questions) {
    const kind = kindOf(question);
    const score = byKind.get(kind) as KindScore;
    score.total++;
    const result = await service.ask(question.q);
    if (result.kind !== 'answer') {
      failures.push(`${question.id}: rejected as invalid (${result.message})`);
      continue;
    }
    const answer: Answer = result.answer;
    const shouldAbstain = kind === 'abstain';
    // A refusal of an unsafe request is no answer from the library either way, so it is not scored as abstention.
    if (kind !== 'refer') {
      if (answer.abstained === shouldAbstain) abstainedRight++;
      else failures.push(`${question.id}: ${shouldAbstain ? 'should abstain but answered' : 'abstained'} — "${question.q}"`);
    }
    for (const citation of answer.citations) {
      quotes++;
      if (library.byId.get(citation.passageId)?.text.includes(citation.quote)) verbatim++;
      else failures.push(`${question.id}: citation [${citation.n}] not verbatim in ${citation.passageId}`);
    }
    const judged = judgeOnPoint(question, answer);
    if (judged.ok) score.onPoint++;
    else failures.push(`${question.id} [${kind}${question.style ? `/${question.style}` : ''}] off point: ${judged.why} — "${question.q}" → ${answer.answer.slice(0, 160).replace(/\n/g, ' ')}`);
    if (shouldAbstain || kind === 'refer' || !question.expect) continue;
    inScope++;
    const expect = new RegExp(question.expect, 'i');
    const top3 = retriever.search(question.q, 3);
    if (top3.some((r) => expect.test(r.passage.text))) recalled++;
    else failures.push(`${question.id}: recall@3 miss — "${question.q}" → ${top3.map((r) => r.passage.id).join(', ') || '(nothing)'}`);
    if (!answer.abstained && expect.test(answer.citations.map((c) => c.quote).join('\n'))) factual++;
    else failures.push(`${question.id}: fact /${question.expect}/ not in citations of "${question.q}" → ${answer.citations.map((c) => c.passageId).join(', ')}`);
  }
  const scored = [...byKind.values()].filter((k) => k.total > 0);
  const total = scored.reduce((sum, k) => sum + k.total, 0);
  const abstentionScored = questions.filter((q) => kindOf(q) !== 'refer').length;
  return {
    recallAt3: inScope ? recalled / inScope : 1,
    factInCitations: inScope ? factual / inScope : 1,
    abstentionAccuracy: abstentionScored ? abstainedRight / abstentionScored : 1,
    verbatim: quotes ? verbatim / quotes : 1,
    onPoint: total ? scored.reduce((sum, k) => sum + k.onPoint, 0) / total : 1,
    byKind: scored,
    failures,
  };
}

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
/** The files `npm run eval` runs when given none. */
export const DEFAULT_FILES = [
  here('./questions.jsonl'),
  here('../../../shared/dev-questions.jsonl'),
  here('./member-questions.jsonl'),
  here('./member-questions-heldout.jsonl'),
  here('./member-questions-heldout2.jsonl'),
];

/** Prints one file's report. */
async function report(file: string): Promise<void> {
  const questions = readQuestions(file);
  const result = await evaluate(questions);
  const line = (name: string, value: number, target: number) =>
    console.log(`${name.padEnd(28)} ${value.toFixed(3)}  (target ≥ ${target}: ${value >= target ? 'met' : 'MISSED'})`);
  console.log(`\n${file}: ${questions.length} questions`);
  line('recall@3', result.recallAt3, TARGETS.recallAt3);
  line('fact in citations', result.factInCitations, TARGETS.factInCitations);
  line('abstention accuracy', result.abstentionAccuracy, TARGETS.abstentionAccuracy);
  line('citations quoted verbatim', result.verbatim, TARGETS.verbatim);
  for (const k of result.byKind) line(`on point: ${k.kind} (${k.onPoint}/${k.total})`, k.onPoint / k.total, TARGETS.onPointPerKind);
  line('on point: overall', result.onPoint, TARGETS.onPoint);
  if (result.failures.length && !process.argv.includes('--quiet')) console.log(`\n${result.failures.join('\n')}`);
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const given = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  for (const file of given.length ? given.map((f) => resolve(f)) : DEFAULT_FILES.filter((f) => existsSync(f))) await report(file);
}
