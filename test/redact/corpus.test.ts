// Issue 17's test: every sample and every accuracy-corpus case, redacted, rendered to every format
// (HTML, Markdown, JSON; PDF for the samples) and copied with `fdleak redact`; each output searched
// for every IP address, host name and user name of the input — listed here from the raw files, by
// this file's own reading (prompts, the manifest's host, ps and lsof USER columns, addresses by
// pattern), not by src/redact — and none may remain. The redacted analysis, and the analysis of
// the redacted copy, must say what the plain one says.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isIPv6 } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { IN_CI, ROOT } from '../helpers.js';
import { analyzeBundle } from '../../src/analysis.js';
import { closeBrowser, findChrome, launchBrowser } from '../../src/report/browser.js';
import { Printer } from '../../src/report/pdf.js';
import { renderReport } from '../../src/report/render.js';
import type { AnalysisResult } from '../../src/result.js';
import { redactBundle } from '../../src/redact/bundle.js';
import { keptHost, keptUser } from '../../src/redact/keep.js';

interface Input {
  name: string;
  path: string;
  sample: boolean;
}

const CASES = resolve(ROOT, 'test', 'accuracy', 'cases');
const INPUTS: Input[] = [
  ...readdirSync(resolve(ROOT, 'samples'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ name: `samples/${d.name}`, path: resolve(ROOT, 'samples', d.name), sample: true })),
  ...readdirSync(CASES)
    .filter((c) => statSync(join(CASES, c)).isDirectory())
    .map((c) => {
      const { input } = JSON.parse(readFileSync(join(CASES, c, 'case.json'), 'utf8')) as { input: string };
      return { name: `corpus/${c}`, path: join(CASES, c, input), sample: false };
    }),
].sort((a, b) => a.name.localeCompare(b.name));

// ---------------------------------------------------------------- what the input names, read independently

interface Needles {
  hosts: Set<string>;
  users: Set<string>;
  ipv4: Set<string>;
  ipv6: Set<string>;
}

function filesOf(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((f) => filesOf(join(path, f)));
}

const PROMPTS = [
  /^(?:> ?)?\s*\[([A-Za-z_][\w.-]*)@([A-Za-z0-9][\w.-]*)[ :][^\]]*\][$#]/,
  /^(?:> ?)?\s*(?:\([^)]*\) )?([A-Za-z_][\w.-]*)@([A-Za-z0-9][\w.-]*)(?::\S*| [~/]\S*)\s?[$#](?:\s|$)/,
];
const PS_HEADER = /^\s*(USER|UID)\s+PID\b/;
const PS_AUX_ROW = /^(\S+)\s+\d+\s+\d+\.\d+\s+\d+\.\d+\s+\d+\s+\d+\s/;
const LSOF_HEADER = /^COMMAND\s+PID\b.*\bUSER\s+FD\b/;
const LSOF_ROW =
  /^\S+\s+\d+\s+(\S+)\s+(?:\*?\d+[rwu-]?[a-zA-Z]?|cwd|rtd|txt|mem|DEL)\s+(?:REG|DIR|CHR|FIFO|sock|unix|IPv4|IPv6|a_inode|netlink|unknown|PIPE)\b/;
const IPV4 = /(?<![\w.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\w]|\.\d)/g;
const HEXRUN = /(?<![\w:])[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(?![\w])/g;

function keptV4(o: number[]): boolean {
  const n = ((o[0] << 24) >>> 0) + (o[1] << 16) + (o[2] << 8) + o[3];
  const inv = ~n >>> 0;
  return o[0] === 127 || n === 0 || (o[0] === 255 && (inv & (inv + 1)) === 0);
}

function needlesOf(input: Input): Needles {
  const n: Needles = { hosts: new Set(), users: new Set(), ipv4: new Set(), ipv6: new Set() };
  // A user an lsof row shows running a program named after it (`kurento-m 1260 kurento …`) is a
  // service account, kept as written everywhere (learn.ts userOf): no needle.
  const service = new Set<string>();
  const rowUser = (line: string, u: string) => {
    // The row's COMMAND, without the backtick of a code span it was pasted in (`` `vault 21317 vault 1023u … ``).
    if (u.length >= 3 && line.replace(/^`+/, '').split(/\s+/)[0].startsWith(u)) service.add(u);
    else user(u);
  };
  const user = (u: string) => {
    const name = u.replace(/\+$/, '');
    // A column no user name could fill (`{user}`, the mask a reporter put in its place:
    // gh-ably-go-redacted-command-close-wait) was redacted before it was pasted.
    if (!/^[\w.-]+$/.test(name)) return;
    if (/[A-Za-z]/.test(name) && name.length > 1 && !keptUser(name)) n.users.add(name);
  };
  // A one-letter name (`root@s:~#`) is kept, as a one-letter user is: replacing it would garble every text.
  const host = (h: string) => {
    if (/[A-Za-z]/.test(h) && h.length > 1 && !keptHost(h)) n.hosts.add(h.toLowerCase());
  };
  for (const file of filesOf(input.path)) {
    const text = readFileSync(file, 'utf8');
    if (text.includes('\0')) continue;
    if (/manifest\.ya?ml$/.test(file)) for (const m of text.matchAll(/^host:\s*["']?([^\s"']+)/gm)) host(m[1]);
    if (/manifest\.json$/.test(file)) {
      const h = (JSON.parse(text) as { host?: string }).host;
      if (h) host(h);
    }
    let ps = false;
    let lsofUserEnd = -1;
    for (const line of text.split('\n')) {
      let prompted = false;
      for (const re of PROMPTS) {
        const m = re.exec(line);
        if (m) {
          user(m[1]);
          host(m[2]);
          prompted = true;
        }
      }
      // A command typed after ps's rows ends them: `# cd /proc/1/fd` in a container's shell, or at a
      // full prompt, `root@desk:~# ls -l /proc/11692/fd` (whose rows' modes, `lr-x------`, are no users).
      if (prompted || /^\s{0,2}[#$] \S/.test(line)) ps = false;
      if (PS_HEADER.test(line)) {
        ps = true;
        continue;
      }
      if (LSOF_HEADER.test(line)) {
        lsofUserEnd = line.indexOf('USER') + 4;
        continue;
      }
      if (line.trim() === '' || line.startsWith('```')) {
        ps = false;
        lsofUserEnd = -1;
      }
      if (ps && /^\s*\S+\s+\d+/.test(line)) user(line.trim().split(/\s+/)[0]);
      const aux = PS_AUX_ROW.exec(line);
      if (aux) user(aux[1]);
      // A row under lsof's header (COMMAND, then a PID), not a sentence pasted under the rows.
      if (lsofUserEnd > 0 && /^\S+\s+\d+\s/.test(line) && line.length >= lsofUserEnd && line[lsofUserEnd] === ' ') {
        const before = line.slice(0, lsofUserEnd);
        rowUser(line, before.slice(before.lastIndexOf(' ') + 1));
      }
      const row = LSOF_ROW.exec(line);
      if (row) rowUser(line, row[1]);
      for (const m of line.matchAll(IPV4)) {
        const o = m.slice(1, 5).map(Number);
        if (o.every((x) => x <= 255) && !keptV4(o)) n.ipv4.add(m[0]);
      }
      for (const m of line.matchAll(HEXRUN)) {
        // A run the regex cut short before a word (`::ffff:x7.x87…`, an address its reporter masked) is no address.
        if (/^[:.]?\w/.test(line.slice(m.index + m[0].length))) continue;
        let a = m[0].replace(/\.+$/, '');
        if (!isIPv6(a) && /:\d{1,5}$/.test(a) && isIPv6(a.replace(/:\d{1,5}$/, ''))) a = a.replace(/:\d{1,5}$/, '');
        // netstat's loopback or any address with its port (`::1:8080`, `:::80`) names no host.
        if (!isIPv6(a) || a === '::1' || a === '::' || /^::1?:\d{1,5}$/.test(a) || /^::ffff:(127\.|0\.0\.0\.0)/i.test(a)) continue;
        n.ipv6.add(a);
      }
    }
  }
  for (const u of service) n.users.delete(u);
  return n;
}

// ---------------------------------------------------------------- searching an output

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The output as a reader sees its text: HTML entities and Markdown escapes undone. */
function readable(text: string): string {
  return text
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * The page without the template's own fixed text, its meta tags, style sheet and class names (the
 * security policy says `default-src`: a user named `default` is not in them; the severity badge is
 * `class="sev sev-low"`: a host named `sev`, Tengine's `[root@sev nginx]#`, is not in it), nor the
 * method's lessons, the same text in every report (a host named `graph` is not their "the number to
 * graph").
 */
function withoutTemplate(html: string): string {
  return html
    .replace(/<div class="lesson" id="lesson-\d+">[\s\S]*?<\/div>/g, '')
    .replace(/<meta [^>]*>/g, '')
    .replace(/<style>[^<]*<\/style>/g, '')
    .replace(/ class="[\w -]{0,200}"/g, '');
}

/** The full Markdown without its appendix of the method: the lessons, the same text in every report. */
function withoutMethodAppendix(md: string): string {
  const from = md.indexOf('\n## Appendix: the method');
  if (from < 0) return md;
  const to = md.indexOf('\n## ', from + 1);
  return md.slice(0, from) + (to < 0 ? '' : md.slice(to));
}

/** Every needle found in `text`, as `kind value (n times)`; `tally` adds up the occurrences. */
function found(text: string, n: Needles, tally?: { n: number }): string[] {
  const out: string[] = [];
  const count = (kind: string, value: string, re: RegExp) => {
    const k = (text.match(re) ?? []).length;
    if (tally) tally.n += k;
    if (k > 0) out.push(`${kind} ${value} (${k} times)`);
  };
  for (const u of n.users) count('user', u, new RegExp(`(?<![A-Za-z0-9])${esc(u)}(?![A-Za-z0-9])`, 'g'));
  for (const h of n.hosts) count('host', h, new RegExp(`(?<![A-Za-z0-9])${esc(h)}(?![A-Za-z0-9])`, 'gi'));
  for (const a of n.ipv4) count('ipv4', a, new RegExp(`(?<![\\w.])${esc(a)}(?![\\w]|\\.\\d)`, 'g'));
  for (const a of n.ipv6) count('ipv6', a, new RegExp(`(?<![0-9A-Fa-f:])${esc(a)}(?![0-9A-Fa-f])`, 'gi'));
  return out;
}

/** What the redacted analysis must keep: verdict, suspects (pid, kind, counts, limit), findings, root cause. */
function story(r: AnalysisResult): unknown {
  return {
    verdict: r.verdict,
    confidence: r.confidence,
    severity: r.severity,
    suspects: r.suspects.map((s) => ({
      pid: s.pid,
      kind: s.leak.kind,
      count: s.leak.count,
      fds: s.fdCount,
      limit: s.fdLimit,
      threads: s.threads.length,
    })),
    findings: r.findings.map((f) => `${f.id}:${f.status}:${f.evidence.length}`),
    rootCause: r.rootCause && { pid: r.rootCause.pid, tid: r.rootCause.tid, fd: r.rootCause.fd, basis: r.rootCause.basis },
    // The opener's own notes (`(bundle)`: a sos report's files it did not read) are not the story:
    // the redacted copy holds only the files that are read, so it has none to skip.
    sources: r.sources.filter((s) => s.kind !== 'bundle').map((s) => `${s.kind}:${s.records}`),
  };
}

// ---------------------------------------------------------------- the run

let chrome: string | null = null;
try {
  chrome = findChrome();
} catch (err) {
  if (IN_CI) throw err;
  console.log(`# skipping the redacted PDFs: ${(err as Error).message}`);
}
let browser: Browser | undefined;
let printer: Printer | undefined;
let work: string;
const totals = { inputs: 0, hosts: 0, users: 0, ipv4: 0, ipv6: 0, plainHits: 0, inputOccurrences: { n: 0 } };

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'fdleak-redact-corpus-'));
  if (chrome) {
    browser = await launchBrowser(chrome);
    printer = await Printer.open(browser);
  }
});
after(async () => {
  if (printer) await printer.close();
  if (browser) await closeBrowser(browser);
  rmSync(work, { recursive: true, force: true });
  console.log(
    `# redacted ${totals.inputs} inputs: ${totals.hosts} host names, ${totals.users} user names, ${totals.ipv4} IPv4 and ${totals.ipv6} IPv6 addresses ` +
      `found in them (${totals.inputOccurrences.n} occurrences in their files); ${totals.plainHits} of those in the plain JSON results; 0 in any redacted output or copy`,
  );
});

test('there are samples and corpus cases to redact', () => {
  assert.ok(INPUTS.filter((i) => i.sample).length >= 4);
  assert.ok(INPUTS.filter((i) => !i.sample).length >= 40);
});

for (const input of INPUTS) {
  test(`${input.name}: redacted in every format and as a copy, no address or name of the input remains, the story is the same`, async () => {
    const needles = needlesOf(input);
    totals.inputs++;
    totals.hosts += needles.hosts.size;
    totals.users += needles.users.size;
    totals.ipv4 += needles.ipv4.size;
    totals.ipv6 += needles.ipv6.size;

    const plain = await analyzeBundle(input.path);
    totals.plainHits += found(JSON.stringify(plain.result), needles).length;
    const red = await analyzeBundle(input.path, { redact: {} });
    assert.equal(red.result.incident.redacted, true);
    assert.deepEqual(story(red.result), story(plain.result));

    const opts = { notes: red.notes?.text ?? null, printer };
    const outputs: [string, string][] = [
      ['json', (await renderReport(red.result, 'json', opts)) as string],
      ['md', readable((await renderReport(red.result, 'md', opts)) as string)],
      ['html', readable(withoutTemplate((await renderReport(red.result, 'html', opts)) as string))],
    ];
    outputs.push(['md-full', readable(withoutMethodAppendix((await renderReport(red.result, 'md-full', opts)) as string))]);
    if (input.sample && printer) {
      const pdf = join(work, `${input.name.replace(/\W+/g, '-')}.pdf`);
      // Printed without the method appendix: its lessons and each rule's method are the same text
      // for every bundle, and every value of the bundle is in the brief print.
      writeFileSync(pdf, (await renderReport(red.result, 'pdf', { ...opts, explain: false })) as Buffer);
      outputs.push(['pdf', execFileSync('pdftotext', ['-q', pdf, '-'], { encoding: 'utf8' })]);
      assert.match(outputs[outputs.length - 1][1], /\(redacted\)/, 'the PDF says it is redacted');
    }
    for (const [format, text] of outputs) assert.deepEqual(found(text, needles), [], `${format} of ${input.name}`);
    assert.match(outputs[1][1], /^# .*\(redacted\)$/m, 'the Markdown heading says it is redacted');
    assert.match(outputs[2][1], /<h1>.*\(redacted\)<\/h1>/, 'the HTML heading says it is redacted');

    for (const file of filesOf(input.path)) found(readFileSync(file, 'utf8'), needles, totals.inputOccurrences);
    const copy = join(work, input.name.replace(/\W+/g, '-'));
    const r = await redactBundle(input.path, copy);
    for (const w of r.written) assert.deepEqual(found(readFileSync(join(copy, w.file), 'utf8'), needles), [], `${w.file} of the copy`);
    const target = statSync(input.path).isDirectory() ? copy : join(copy, r.written[0].file);
    const again = await analyzeBundle(target);
    assert.deepEqual(story(again.result), story(plain.result), 'the redacted copy analyses the same');
  });
}
