// A test harness's or a runtime's own report that the process it runs in left fds open — words a
// leak checker prints, not a listing. Three shapes, each found anywhere in a line (after a CI
// prefix, a test log's indent, `sys:1: `):
//   Ruby's LeakChecker (tool/lib/leakchecker.rb, after each test of `make test-all`):
//     Leaked file descriptor: TestResolvDNS#test_…: 12 : #<TCPSocket:fd 12, AF_INET, 127.0.0.1, 50888>
//     Leaked file descriptor: TestEtc#test_ractor: 5 #<File::Stat dev=0x100058, … mode=0100644, …>
//   Python's finalizer warning for a file or socket object collected while its fd was open:
//     sys:1: ResourceWarning: unclosed <socket.socket fd=43, family=AddressFamily.AF_INET, …>
//     ./test_markdown2.py:207: ResourceWarning: unclosed file <_io.TextIOWrapper name='./x.tags' mode='r' …>
//   Go's os/exec tests (TestPipeLookPathLeak, and TestExtraFiles's child reporting an fd its parent
//   passed down through exec):
//     exec_test.go:314: leaked 4 fds; want ~0; have:
//     leaked parent file. fd = 88; want 87
// Each says the process that printed it held fds it should have closed: no pile, no count against a
// limit, and no pid (the process is the one whose output it is).
import { type EvidenceRef, ref } from '../types.js';

export interface LeakCheckReport {
  checker: 'ruby-leakchecker' | 'python-resourcewarning' | 'go-exec-test';
  /** The fd the report names, when it names one. */
  fd?: number;
  /** How many fds it says leaked (Go's `leaked 4 fds`); 1 for a report of one fd. */
  count: number;
}

/** The reports of one capture: how many lines, the fds they sum to, the first fd numbers they name, the first line. */
export interface LeakCheckTally {
  count: number;
  fds: number;
  numbers: number[];
  checker: LeakCheckReport['checker'];
  first: EvidenceRef;
}

/** Fd numbers kept per capture. */
const MAX_NUMBERS = 500;

/**
 * Adds the report a line carries to a capture's tally (created on the first): true when the line
 * is one. A log (app-log.ts) or a listing the checker printed its words above (lsof.ts, fstat.ts).
 */
export function tallyLeakCheck(into: { leakChecks?: LeakCheckTally }, text: string, file: string, line: number): boolean {
  const r = leakCheckReport(text);
  if (!r) return false;
  const t = (into.leakChecks ??= { count: 0, fds: 0, numbers: [], checker: r.checker, first: ref(file, line, text) });
  t.count++;
  t.fds += r.count;
  if (r.fd !== undefined && t.numbers.length < MAX_NUMBERS) t.numbers.push(r.fd);
  return true;
}

const RUBY = 'Leaked file descriptor: ';
/** After the test's name (which may hold `: `): the fd, then the object's inspect. */
const RUBY_FD = /: (\d{1,9}) (?:: )?#</;
const PYTHON = /ResourceWarning: unclosed (?:file )?<[A-Za-z_][\w.]{0,40}(?: object)?[ ,>]/;
const PYTHON_FD = /\bfd=(\d{1,9})\b/;
const GO_COUNT = /\bleaked (\d{1,6}) fds?; want ~?\d{1,6}/;
const GO_PARENT = /\bleaked parent file\. fd = (\d{1,9}); want (\d{1,9})\b/;

/** The report a line carries, or null. Linear: indexOf or one unanchored match per shape, on at most 2,000 characters. */
export function leakCheckReport(text: string): LeakCheckReport | null {
  const at = text.indexOf(RUBY);
  if (at !== -1) {
    const m = RUBY_FD.exec(text.slice(at + RUBY.length, at + RUBY.length + 2000));
    return m ? { checker: 'ruby-leakchecker', fd: Number(m[1]), count: 1 } : null;
  }
  if (text.includes('ResourceWarning: unclosed')) {
    const m = PYTHON.exec(text);
    if (!m) return null;
    const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 2000);
    // `<socket.socket [closed] fd=-1 …>`: the object's fd was already closed.
    if (rest.startsWith('[closed]')) return null;
    const fd = PYTHON_FD.exec(rest);
    return fd ? { checker: 'python-resourcewarning', fd: Number(fd[1]), count: 1 } : { checker: 'python-resourcewarning', count: 1 };
  }
  if (!text.includes('leaked ')) return null;
  const parent = GO_PARENT.exec(text);
  if (parent) {
    const next = Number(parent[1]);
    const want = Number(parent[2]);
    return next > want ? { checker: 'go-exec-test', fd: want, count: next - want } : null;
  }
  const count = GO_COUNT.exec(text);
  return count && Number(count[1]) > 0 ? { checker: 'go-exec-test', count: Number(count[1]) } : null;
}
