/** A local fake of the Anthropic Messages API (node:http on 127.0.0.1) so the real SDK can be tested without the network. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The parts of a recorded request the tests look at. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: MessagesRequestBody;
}

/** The request body fields the fake understands. */
export interface MessagesRequestBody {
  model?: string;
  system?: unknown;
  max_tokens?: number;
  messages?: Array<{ role: string; content: Array<Record<string, unknown>> | string }>;
}

/** A search_result block as the SDK sent it. */
export interface SentSearchResult {
  source: string;
  title: string;
  content: Array<{ type: 'text'; text: string }>;
}

/** What the fake does with one request: reply with a message, an error status, or hang past the client's timeout. */
export type FakeBehaviour =
  | {
      kind: 'message';
      content: (request: MessagesRequestBody) => unknown[];
      /** The reply's stop_reason. @default "end_turn" */
      stopReason?: 'end_turn' | 'max_tokens' | 'stop_sequence' | 'refusal';
    }
  | { kind: 'status'; status: number; errorType: string; message?: string }
  | { kind: 'hang'; ms: number }
  /** Headers and the first half of a cited answer at once, the rest after `ms` (never, for Infinity). */
  | { kind: 'slow-body'; ms: number }
  /** A 429 asking the client to wait `seconds` before retrying (retry-after, with no retry-after-ms). */
  | { kind: 'retry-after'; seconds: number };

/** The running fake. */
export interface FakeMessagesApi {
  /** Base URL without /v1, as ANTHROPIC_BASE_URL expects. */
  baseURL: string;
  requests: RecordedRequest[];
  /** Queues behaviours for the next requests, in order; when the queue is empty `fallback` answers. */
  enqueue(...behaviours: FakeBehaviour[]): void;
  /** Behaviour once the queue is empty. */
  fallback: FakeBehaviour;
  close(): Promise<void>;
}

/** The API key the fake accepts; any other gets 401. */
export const GOOD_KEY = 'sk-test-good';

/** The search_result blocks of a request, in order. */
export function searchResultsOf(body: MessagesRequestBody): SentSearchResult[] {
  const content = body.messages?.[0]?.content;
  if (!Array.isArray(content)) return [];
  return content.filter((block) => block.type === 'search_result') as unknown as SentSearchResult[];
}

/** A text block citing block `blockIndex` of search result `resultIndex` with its exact text. */
export function citingBlock(body: MessagesRequestBody, text: string, resultIndex = 0, blockIndex = 0): Record<string, unknown> {
  const result = searchResultsOf(body)[resultIndex];
  if (!result) return { type: 'text', text, citations: null };
  const cited = result.content[blockIndex]?.text ?? '';
  return {
    type: 'text',
    text,
    citations: [
      {
        type: 'search_result_location',
        source: result.source,
        title: result.title,
        search_result_index: resultIndex,
        start_block_index: blockIndex,
        end_block_index: blockIndex + 1,
        cited_text: cited,
      },
    ],
  };
}

/** Behaviour: a grounded answer citing the first sentence of the first search result. */
export const citedAnswer: FakeBehaviour = {
  kind: 'message',
  content: (body) => [{ type: 'text', text: 'From the library: ', citations: null }, citingBlock(body, 'this is what the coaching library says.')],
};

function messageEnvelope(content: unknown[], model: string, stopReason = 'end_turn'): Record<string, unknown> {
  return {
    id: 'msg_fake_1',
    type: 'message',
    role: 'assistant',
    model,
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    stop_details: null,
    diagnostics: null,
    usage: { input_tokens: 100, output_tokens: 20, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Starts the fake on 127.0.0.1 with an ephemeral port. */
export async function startFakeMessagesApi(): Promise<FakeMessagesApi> {
  const queue: FakeBehaviour[] = [];
  const requests: RecordedRequest[] = [];
  const pending = new Set<NodeJS.Timeout>();
  const api: FakeMessagesApi = {
    baseURL: '',
    requests,
    enqueue: (...behaviours) => queue.push(...behaviours),
    fallback: citedAnswer,
    close: async () => {
      for (const timer of pending) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body: MessagesRequestBody = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as MessagesRequestBody;
      } catch {
        sendJson(res, 400, { type: 'error', error: { type: 'invalid_request_error', message: 'body is not JSON' } });
        return;
      }
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      if (req.method !== 'POST' || !req.url?.startsWith('/v1/messages')) {
        sendJson(res, 404, { type: 'error', error: { type: 'not_found_error', message: `no route ${req.url}` } });
        return;
      }
      const key = req.headers['x-api-key'] ?? req.headers.authorization?.replace(/^Bearer\s+/i, '');
      if (key !== GOOD_KEY) {
        sendJson(res, 401, { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } });
        return;
      }
      const behaviour = queue.shift() ?? api.fallback;
      // retry-after-ms keeps the SDK's retries fast in tests.
      const fast = { 'retry-after-ms': '5' };
      if (behaviour.kind === 'status') {
        sendJson(res, behaviour.status, { type: 'error', error: { type: behaviour.errorType, message: behaviour.message ?? behaviour.errorType } }, fast);
      } else if (behaviour.kind === 'retry-after') {
        sendJson(res, 429, { type: 'error', error: { type: 'rate_limit_error', message: 'rate limited' } }, { 'retry-after': String(behaviour.seconds) });
      } else if (behaviour.kind === 'slow-body') {
        const text = JSON.stringify(messageEnvelope((citedAnswer as { content: (b: MessagesRequestBody) => unknown[] }).content(body), body.model ?? 'fake'));
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.write(text.slice(0, text.length >> 1));
        if (Number.isFinite(behaviour.ms)) {
          const timer = setTimeout(() => {
            pending.delete(timer);
            if (!res.destroyed) res.end(text.slice(text.length >> 1));
          }, behaviour.ms);
          pending.add(timer);
        }
      } else if (behaviour.kind === 'hang') {
        const timer = setTimeout(() => {
          pending.delete(timer);
          if (!res.writableEnded && !res.destroyed) sendJson(res, 200, messageEnvelope([], body.model ?? 'fake'));
        }, behaviour.ms);
        pending.add(timer);
      } else {
        sendJson(res, 200, messageEnvelope(behaviour.content(body), body.model ?? 'fake', behaviour.stopReason), fast);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api.baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return api;
}
