// A bundle full of payloads, built from the Tomcat sample so that every part of the report is filled
// (suspect, root cause, thread name, log excerpts, notes): the HTML, PDF and Markdown tests and the
// terminal test render it. Every URL points at 127.0.0.1:9, and every payload is counted wherever it
// could come alive.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../helpers.js';

const URL_BASE = 'http://127.0.0.1:9';

/** Terminal control: set the window title, clear the screen, ring the bell, an 8-bit CSI. */
const TERMINAL = '\x1b]0;pwned\x07\x1b[2J\x1b[31m\x07\u009b31m';

/** HTML and Markdown payloads that must stay text (one line, no double quote: it goes in strace strings). */
const INLINE_PAYLOADS = [
  `<img src=${URL_BASE}/img>`,
  '<script>alert(1)</script>',
  `${URL_BASE}/a><iframe src=${URL_BASE}/autolink-iframe>`,
  `<${URL_BASE}/angle-autolink>`,
  `![x](${URL_BASE}/md-image.png)`,
  '[click](javascript:alert(2))',
  "<a href='javascript:alert(3)'>a</a>",
  '<svg onload=alert(4)>',
  `<style>@import url(${URL_BASE}/css)</style>`,
  `<link rel=stylesheet href=${URL_BASE}/link.css>`,
  `<object data=${URL_BASE}/object></object><embed src=${URL_BASE}/embed>`,
  `<base href=${URL_BASE}/base/>`,
  `<meta http-equiv=refresh content='0;url=${URL_BASE}/refresh'>`,
  `<video src=${URL_BASE}/video></video><audio src=${URL_BASE}/audio></audio>`,
  `www.example.invalid/${URL_BASE}/www`,
  '&lt;script&gt;alert(5)&lt;/script&gt;',
  `[ref-image][r] ![ref-image][r]`,
];

const ONE_LINE = INLINE_PAYLOADS.join(' ');

/** notes.md: every payload in prose, in a table, in a list, as an HTML block, and as reference links. */
const HOSTILE_NOTES_MD = [
  '# Notebook',
  ONE_LINE,
  '## Timeline',
  `| when | what |`,
  `|---|---|`,
  `| <img src=${URL_BASE}/table-img> | <script>alert(6)</script> |`,
  `| ${URL_BASE}/t><iframe src=${URL_BASE}/table-iframe> | [x](javascript:alert(7)) |`,
  '',
  `- <img src=${URL_BASE}/list-img>`,
  `- [ ] ![task](${URL_BASE}/task.png)`,
  '## Step 4: who holds them',
  `<div><img src=${URL_BASE}/html-block><iframe src=${URL_BASE}/html-block-iframe></iframe></div>`,
  '',
  `[r]: ${URL_BASE}/ref-definition`,
  `[js]: javascript:alert(8)`,
  '[jsref][js]',
  '## Root cause',
  `> quoted <img src=${URL_BASE}/quote-img> ${TERMINAL}`,
  '## Actions',
  '```html',
  `<img src=${URL_BASE}/in-code-block-is-fine>`,
  '```',
  `\`<img src=${URL_BASE}/in-code-span-is-fine>\``,
].join('\n');

/** The Tomcat sample, copied to `dest`, with payloads in the title, log lines, write strings, thread name, paths and command line. */
export function hostileBundle(dest: string): string {
  const src = resolve(ROOT, 'samples', 'tomcat-cat-leak');
  cpSync(src, dest, { recursive: true });
  const edit = (rel: string, f: (text: string) => string) => writeFileSync(join(dest, rel), f(readFileSync(join(dest, rel), 'utf8')));

  // The message the leaking thread writes, and logs: the root cause quotes it.
  const message = `Error ${ONE_LINE} ${TERMINAL.replace(/\x1b/g, '\\33').replace(/\x07/g, '\\7')}`;
  edit('strace-4730.log', (t) => t.split('Error when try connecting to /host:2280').join(message));
  edit('logs/data/applogs/cat/cat_20190722.log', (t) =>
    t.split('Error when try connecting to /host:2280').join(`Error ${ONE_LINE} ${TERMINAL}`),
  );
  edit('jstack-4730.txt', (t) => t.split('"Cat-ChannelManager"').join(`"Cat-<img src=${URL_BASE}/thread>${TERMINAL}"`));
  edit('ps-auxww-grep-25204.txt', (t) => t.replace('org.apache.catalina.startup.Bootstrap start', `Bootstrap ${ONE_LINE} ${TERMINAL}`));

  const manifest = parse(readFileSync(join(dest, 'manifest.yaml'), 'utf8')) as Record<string, unknown> & { files: { command?: string }[] };
  manifest.title = `Title ${ONE_LINE} ${TERMINAL}`;
  manifest.host = `host<img src=${URL_BASE}/host>${TERMINAL}`;
  manifest.ticket = `[t](javascript:alert(9))${TERMINAL}`;
  for (const f of manifest.files) if (f.command) f.command = `${f.command} ${TERMINAL} <img src=${URL_BASE}/command>`;
  rmSync(join(dest, 'manifest.yaml'));
  writeFileSync(join(dest, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dest, 'notes.md'), HOSTILE_NOTES_MD);
  return dest;
}

/**
 * Counts, in a page, what a payload would be once alive: elements that load or run something,
 * event-handler attributes, javascript: links (in the body: the report's own style is in the head).
 */
export const LIVE_TAGS_SCRIPT = `(() => {
  const root = document.body ?? document.documentElement;
  const live = [...root.querySelectorAll('img,iframe,frame,object,embed,link,style,base,meta,video,audio,source,form,script:not([type="application/json"]),svg[onload],image')];
  const handlers = [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.toLowerCase().startsWith('on')));
  const js = [...document.querySelectorAll('a[href],area[href]')].filter((a) => /^\\s*(javascript|data|vbscript):/i.test(a.getAttribute('href')));
  return [...live, ...handlers, ...js].map((e) => e.outerHTML.slice(0, 120));
})()`;
