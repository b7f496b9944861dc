/** Damaging a real SQLite file the way a torn write or a bad disk does: one page overwritten with garbage. */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';

/** What the first byte of a b-tree page says it is. */
export type PageKind = 'index-interior' | 'table-interior' | 'index-leaf' | 'table-leaf';

const KINDS: Record<number, PageKind> = { 0x02: 'index-interior', 0x05: 'table-interior', 0x0a: 'index-leaf', 0x0d: 'table-leaf' };

/** The page size the file's header gives (1 stands for 65,536). */
function pageSize(bytes: Buffer): number {
  const size = bytes.readUInt16BE(16);
  return size === 1 ? 65536 : size;
}

/** The numbers (1-based) of the file's b-tree pages of one kind, in file order. */
export function pagesOf(file: string, kind: PageKind): number[] {
  const bytes = readFileSync(file);
  const size = pageSize(bytes);
  const pages: number[] = [];
  for (let page = 2; page * size <= bytes.length; page++) if (KINDS[bytes[(page - 1) * size] ?? -1] === kind) pages.push(page);
  return pages;
}

/** Overwrites page `page` (1-based) with garbage, keeping the file's length. */
export function overwritePage(file: string, page: number): void {
  const size = pageSize(readFileSync(file));
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(size, 0xa5), 0, size, (page - 1) * size);
  } finally {
    closeSync(fd);
  }
}
