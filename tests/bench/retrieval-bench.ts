/**
 * Retrieval and offline-answer figures: answer p99 (compose only, and the whole offline /ask path: retrieve + analyse +
 * compose), then index build and search p50/p99 on the shipped library and on synthetic 10,000- and 100,000-passage
 * libraries, each beside a plain minisearch index over the same passages.
 */
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import { loadLibrary } from '../../src/adapters/knowledge/load-library.ts';
import { createMinisearchRetriever } from '../../src/adapters/knowledge/minisearch-retriever.ts';
import { PASSAGES_RETRIEVED } from '../../src/app/answer-question.ts';
import { answerOffline } from '../../src/core/answer-planner.ts';
import { makeLibrary, type Library, type Passage } from '../../src/core/library.ts';
import { composeOfflineAnswer } from '../../src/core/offline-answerer.ts';
import { splitSentences } from '../../src/core/text-analysis.ts';
import { readQuestions } from '../eval/run-eval.ts';
import { figure, percentile, section } from './bench-kit.ts';

/** A seeded PRNG (mulberry32) so the synthetic library is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A library of `count` passages recombined from the shipped sentences and headings. `spread` is the share of content
 * words given a per-document topic suffix: 0 keeps the shipped vocabulary of ~1,500 words, so every query word sits in
 * thousands of passages (a worst case no real library reaches); 0.75 spreads the words over 200 topic documents of 50
 * passages each, closer to how a broad 10,000-passage coaching library would use its words.
 */
export function syntheticLibrary(base: Library, count: number, spread = 0, seed = 7): Library {
  const random = prng(seed);
  const sentences = base.passages.flatMap((p) => splitSentences(p.text));
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
  const topicWords = (text: string, topic: string) =>
    spread === 0 ? text : text.replace(/[A-Za-z]{4,}/g, (word) => (random() < spread ? `${word}${topic}` : word));
  const passages: Passage[] = [];
  for (let i = 0; i < count; i++) {
    const template = pick(base.passages);
    const documentNo = Math.floor(i / 50);
    const topic = String.fromCharCode(97 + (documentNo % 26), 97 + Math.floor(documentNo / 26));
    const text = topicWords(Array.from({ length: 2 + Math.floor(random() * 5) }, () => pick(sentences)).join(' '), topic);
    const heading = topicWords(template.heading, topic);
    passages.push({ ...template, id: `${template.docId}-${i}#${template.id.split('#')[1]}`, heading, text, disputedBy: [] });
  }
  return makeLibrary(base.documents, passages);
}

function timeEach(queries: string[], rounds: number, fn: (query: string) => unknown): number[] {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const query of queries) {
      const start = performance.now();
      fn(query);
      times.push(performance.now() - start);
    }
  }
  return times;
}

/** Runs the retrieval benchmark section. */
export async function run(): Promise<void> {
  section('retrieval and offline answers');
  const library = loadLibrary();
  const queries = readQuestions(fileURLToPath(new URL('../eval/questions.jsonl', import.meta.url))).map((q) => q.q);

  const retriever = createMinisearchRetriever(library);
  timeEach(queries, 30, (q) => retriever.search(q, 5));
  const ranked = new Map(queries.map((q) => [q, retriever.search(q, 5)]));
  timeEach(queries, 30, (q) => composeOfflineAnswer(q, ranked.get(q) ?? [], library));
  const compose = timeEach(queries, 100, (q) => composeOfflineAnswer(q, ranked.get(q) ?? [], library));
  figure('offline answer p50 (compose, after retrieval)', percentile(compose, 50), 'ms');
  figure('offline answer p99 (compose, after retrieval)', percentile(compose, 99), 'ms');
  const both = timeEach(queries, 100, (q) => composeOfflineAnswer(q, retriever.search(q, 5), library));
  figure('offline answer p99 (retrieve + compose)', percentile(both, 99), 'ms');

  // What /ask runs offline: typo repair, analysis, retrieval per part, composition (verdicts, referrals, parts).
  const members = [...queries, ...readQuestions(fileURLToPath(new URL('../eval/member-questions.jsonl', import.meta.url))).map((q) => q.q)];
  const search = (q: string) => retriever.search(q, PASSAGES_RETRIEVED);
  timeEach(members, 30, (q) => answerOffline(q, library, search));
  const cpu: number[] = [];
  const full = timeEach(members, 100, (q) => {
    const before = process.cpuUsage();
    answerOffline(q, library, search);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  });
  figure(`offline answer p50 (retrieve + analyse + compose, ${members.length} q)`, percentile(full, 50), 'ms');
  figure(`offline answer p99 (retrieve + analyse + compose, ${members.length} q)`, percentile(full, 99), 'ms', { max: 2 });
  // CPU time is what the answer costs; on a busy machine the wall-clock p99 above also counts time spent descheduled.
  figure('offline answer p99, CPU time (retrieve + analyse + compose)', percentile(cpu, 99), 'ms', { max: 2 });

  // Scaling, against a plain minisearch index (its default tokeniser, no stemming, synonyms, typo repair or gate) over
  // the same passages and questions: build time, and search p50/p99 over at least 1,000 searches after a warm-up.
  // Each synthetic library is made right before its row and dropped after it: held all at once, the 100,000-passage
  // one made every collection during the 10,000-passage builds mark it too.
  const rows: [string, () => Library][] = [
    [`shipped (${library.passages.length})`, () => library],
    ['10,000 topic-spread', () => syntheticLibrary(library, 10_000, 0.75)],
    ['10,000 dense worst case', () => syntheticLibrary(library, 10_000, 0)],
    ['100,000 topic-spread', () => syntheticLibrary(library, 100_000, 0.75)],
  ];
  const rounds = Math.ceil(1000 / queries.length);
  // Plain minisearch takes seconds per search at 100,000 passages (no common-term pruning), so it gets fewer rounds.
  const plainRounds: Record<string, number> = { '10,000 topic-spread': 3, '10,000 dense worst case': 3, '100,000 topic-spread': 1 };
  const targets: Record<string, { build?: number; p99?: number }> = { '10,000 topic-spread': { build: 1000, p99: 20 }, '10,000 dense worst case': { build: 1000, p99: 20 }, '100,000 topic-spread': { p99: 100 } };
  for (const [label, make] of rows) {
    const passages = make();
    const ours = measureIndex(passages, queries, rounds, (lib) => {
      const retriever = createMinisearchRetriever(lib);
      return (q) => retriever.search(q, 5);
    });
    const plain = measureIndex(passages, queries, plainRounds[label] ?? rounds, (lib) => {
      const index = new MiniSearch<{ id: string; heading: string; text: string }>({ fields: ['heading', 'text'] });
      index.addAll(lib.passages.map((p) => ({ id: p.id, heading: p.heading, text: p.text })));
      return (q) => index.search(q).slice(0, 5);
    });
    const target = targets[label] ?? {};
    figure(`${label}: index build`, ours.buildMs, 'ms', target.build ? { max: target.build } : undefined);
    figure(`${label}: index build, plain minisearch`, plain.buildMs, 'ms');
    figure(`${label}: search p50 (${ours.samples} searches)`, ours.p50, 'ms');
    figure(`${label}: search p99`, ours.p99, 'ms', target.p99 ? { max: target.p99 } : undefined);
    figure(`${label}: search p50, plain minisearch (${plain.samples} searches)`, plain.p50, 'ms');
    figure(`${label}: search p99, plain minisearch`, plain.p99, 'ms');
    console.log(`${label}: ratio to plain minisearch → build ${(ours.buildMs / plain.buildMs).toFixed(2)}×, search p50 ${(ours.p50 / plain.p50).toFixed(2)}×, p99 ${(ours.p99 / plain.p99).toFixed(2)}×`);
  }
}

/** Builds an index over `lib` (timed), warms it up, then times `rounds` passes over the questions. */
function measureIndex(lib: Library, queries: string[], rounds: number, build: (lib: Library) => (query: string) => unknown) {
  const start = performance.now();
  const search = build(lib);
  const buildMs = performance.now() - start;
  timeEach(queries, 1, search);
  const times = timeEach(queries, rounds, search);
  return { buildMs, p50: percentile(times, 50), p99: percentile(times, 99), samples: times.length };
}
