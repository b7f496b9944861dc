/** Reading KEYV_URL: which backend, and for SQLite which file. */
import { isAbsolute, resolve } from 'node:path';

/** A parsed KEYV_URL. */
export type StoreLocation =
  | { kind: 'sqlite'; url: string; /** Absolute file path, or ':memory:'. */ path: string }
  | { kind: 'redis'; url: string };

/** Parses KEYV_URL; relative SQLite paths resolve against `cwd`. Throws on anything else. */
export function parseStoreUrl(url: string, cwd: string = process.cwd()): StoreLocation {
  if (/^rediss?:\/\/./.test(url)) return { kind: 'redis', url };
  const sqlite = /^sqlite:\/\/(.+)$/.exec(url);
  if (sqlite?.[1]) {
    const raw = sqlite[1];
    const path = raw === ':memory:' ? raw : isAbsolute(raw) ? raw : resolve(cwd, raw);
    return { kind: 'sqlite', url, path };
  }
  throw new Error(`KEYV_URL "${url}" is not supported: use sqlite://path/to/file.sqlite or redis://host:port`);
}

/** The URL with any password hidden, for logs and error messages. */
export function redactStoreUrl(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:[redacted]@');
}
