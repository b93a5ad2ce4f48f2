// lsof's header line and the places of the fields it names. lsof sizes every column over the whole
// output before printing, so with a header each row's fields sit at fixed places: PID, TID, USER,
// FD (the fd digits; mode and lock follow), TYPE, DEVICE, SIZE/OFF and NODE end where their header
// label ends; NAME starts under its label.
//
// A paste may have lost the COMMAND column (the app's name cut out of the table, as a package name
// is on Android: `PID       USER   FD      TYPE ... NAME`, rows `12391    u0_a120   64w      REG ...`):
// the header then starts with PID, and the rows with the pid.
import { isElision } from './fd-kind.js';

/** Where a header says each field is. -1: the column is absent. */
export interface Layout {
  pidEnd: number;
  tidEnd: number;
  userEnd: number;
  fdEnd: number;
  typeEnd: number;
  /** SIZE/OFF (or SIZE, lsof -s). */
  sizeEnd: number;
  nodeEnd: number;
  nameStart: number;
}

/** `COMMAND PID ... FD TYPE ... NAME` (or, its COMMAND column cut, `PID ... FD TYPE ... NAME`), read as words (two `.*` in one pattern go quadratic on a long line). */
export function isHeader(text: string): boolean {
  if (!text.startsWith('COMMAND') && !text.startsWith('PID')) return false;
  const words = text.trimEnd().split(/\s+/);
  const first = words[0] === 'COMMAND' ? 1 : 0;
  if (words[first] !== 'PID' || (first === 0 && words[0] !== 'PID') || !words[words.length - 1].endsWith('NAME')) return false;
  for (let i = first + 1; i + 2 < words.length; i++) if (words[i] === 'FD' && words[i + 1] === 'TYPE') return true;
  return false;
}

/**
 * `lsof … | uniq -c`: each line behind uniq's count of it, right-aligned (GNU's `%7d `, BSD's
 * `%4d `; narrower once a paste's common indent is taken off): `      1 COMMAND    PID USER   FD …`,
 * `      1 virtiofsd 6845 root   41u      DIR …`. The characters before the line lsof printed (the
 * count and its one blank), else 0.
 */
export function uniqCountWidth(text: string): number {
  const m = /^ {0,6}\d{1,7} (?=\S)/.exec(text);
  return m && m[0].length <= 8 ? m[0].length : 0;
}

/** Lines that all begin with uniq's count of one width (`lsof -p 6845 | uniq -c`), without it; others as they are. */
export function withoutUniqCounts(lines: string[]): string[] {
  const width = lines.length === 0 ? 0 : uniqCountWidth(lines[0]);
  if (width === 0 || !lines.every((l) => uniqCountWidth(l) === width)) return lines;
  return lines.map((l) => l.slice(width));
}

/**
 * Whether uniq put its count before every line of a listing, told by the first line that is a
 * header or row (`isListingLine` of the line behind the count). Its width may change from block
 * to block of one paste (a block whose common indent was taken off).
 */
export class UniqCounts {
  /** 1 it did, 0 the lines are lsof's own, -1 not told yet. */
  private counted = -1;
  constructor(private readonly isListingLine: (text: string) => boolean) {}

  /** Whether the lines may be behind counts (told so, or not told yet). */
  maybe(): boolean {
    return this.counted !== 0;
  }

  told(): boolean {
    return this.counted >= 0;
  }

  /** How many characters of `text` are uniq's count before the line lsof printed. */
  before(text: string): number {
    const width = uniqCountWidth(text);
    if (this.counted < 0 && text.trim() !== '' && !isElision(text)) {
      this.counted = width > 0 && this.isListingLine(text.slice(width)) ? 1 : 0;
    }
    return this.counted > 0 ? width : 0;
  }
}

/** Whether a header (isHeader) lost its COMMAND column: its rows start with the pid. */
export function lacksCommand(header: string): boolean {
  return header.startsWith('PID');
}

export function layoutOf(header: string): Layout | undefined {
  const ends = new Map<string, number>();
  const starts = new Map<string, number>();
  for (const m of header.matchAll(/\S+/g)) {
    starts.set(m[0], m.index!);
    ends.set(m[0], m.index! + m[0].length);
  }
  const pidEnd = ends.get('PID');
  const fdEnd = ends.get('FD');
  const typeEnd = ends.get('TYPE');
  const nameStart = starts.get('NAME');
  if (pidEnd === undefined || fdEnd === undefined || typeEnd === undefined || nameStart === undefined) return undefined;
  if (!(pidEnd < fdEnd && fdEnd < typeEnd && typeEnd < nameStart)) return undefined;
  return {
    pidEnd,
    tidEnd: ends.get('TID') ?? -1,
    userEnd: ends.get('USER') ?? -1,
    fdEnd,
    typeEnd,
    sizeEnd: ends.get('SIZE/OFF') ?? ends.get('SIZE') ?? -1,
    nodeEnd: ends.get('NODE') ?? -1,
    nameStart,
  };
}

/** A row of a table without its COMMAND column: PID [USER] FD TYPE … (FD as lsof prints it; TYPE one of lsof's). */
const ROW_WITHOUT_COMMAND =
  /^\d{1,10}\s+(?:\S+\s+)?(?:\*?\d+[rwu-]?[a-zA-Z]?|cwd|rtd|txt|mem|DEL)\s+(?:REG|DIR|CHR|BLK|FIFO|PIPE|LINK|sock|unix|IPv4|IPv6|a_inode|netlink)(?:\s|$)/;

/**
 * Whether `lines` (a block pasted with no command and no header) go on with a listing above whose
 * header lost its COMMAND column (`listing`, that listing's lines): every non-blank line is such a
 * row, of the same pids. Alone, such rows read as a table of numbers; under the header they are rows.
 */
export function continuesWithoutCommand(listing: readonly string[], lines: readonly string[]): boolean {
  const header = listing.find((l) => isHeader(l));
  if (header === undefined || !lacksCommand(header)) return false;
  const pids = new Set(listing.filter((l) => ROW_WITHOUT_COMMAND.test(l)).map((l) => l.slice(0, l.indexOf(' '))));
  const rows = lines.filter((l) => l.trim() !== '');
  return rows.length > 0 && rows.every((l) => ROW_WITHOUT_COMMAND.test(l) && pids.has(l.slice(0, l.indexOf(' '))));
}
