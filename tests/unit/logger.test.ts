import { Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { createLogger, createScrubber, scrubSecrets } from '../../src/logger.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  return { lines, stream };
}

describe('logger', () => {
  test('GIVEN secrets inside logged objects THEN they are redacted', () => {
    const { lines, stream } = capture();
    const log = createLogger('info', stream);
    log.info({ config: { discord: { token: 'discord-secret' }, anthropic: { apiKey: 'sk-secret' } }, headers: { authorization: 'Bot abc' } }, 'start');
    log.info({ token: 'top-secret', request: { apiKey: 'k', token: 't' } }, 'more');
    const text = lines.join('');
    for (const secret of ['discord-secret', 'sk-secret', 'Bot abc', 'top-secret', '"k"', '"t"']) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });

  test('GIVEN the level is warn THEN info lines are not written', () => {
    const { lines, stream } = capture();
    const log = createLogger('warn', stream);
    log.info('quiet');
    log.warn('loud');
    expect(lines).toHaveLength(1);
  });

  test('GIVEN an error message echoing a token THEN scrubSecrets hides it', () => {
    expect(scrubSecrets('401 for token abcdefgh12345', ['abcdefgh12345', undefined])).toBe('401 for token [redacted]');
  });

  test.each([
    ['as it is', 'Authorization: Bot tok.en-123456789'],
    ['inside a JSON string', JSON.stringify({ message: 'echo tok.en-123456789' })],
  ])('GIVEN a secret %s THEN the scrubber replaces it', (_form, text) => {
    const scrub = createScrubber(['tok.en-123456789', undefined, 'short']);
    expect(scrub(text)).not.toContain('tok.en-123456789');
    expect(scrub(text)).toContain('[redacted]');
  });

  test('GIVEN a secret with characters URL- and JSON-encoding change THEN its encoded forms are scrubbed too', () => {
    const secret = 'p@ss"word/123';
    const scrub = createScrubber([secret]);
    for (const form of [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]) expect(scrub(`x ${form} y`)).toBe('x [redacted] y');
  });

  test('GIVEN the logger built with a scrubber THEN an error whose message echoes the token is logged without it', () => {
    const { lines, stream } = capture();
    createLogger('info', stream, createScrubber(['tok.en-123456789'])).error({ err: new Error('403: Bot tok.en-123456789 may not') }, 'failed');
    expect(lines.join('')).toContain('403: Bot [redacted] may not');
    expect(lines.join('')).not.toContain('tok.en-123456789');
  });
});
