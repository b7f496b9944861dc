import { Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { createLogger, scrubSecrets } from '../../src/logger.ts';

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
});
