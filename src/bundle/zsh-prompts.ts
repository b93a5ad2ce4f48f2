// Prompt shapes of zsh (and of the two-line themes of other shells) that the prompt patterns of
// transcript.ts do not read:
//   - macOS's default zsh prompt, `user@host dir % ` (`shannah@Steves-MacBook-Pro .jdeploy % `),
//     and a bare `host% ` / `% `: zsh's `%` sign where bash has `$`;
//   - the second line of a two-line theme, drawn with a box corner before the sign: oh-my-zsh's
//     bira `╰─$ `, `╰─~> `, Kali's `└─$ `, Parrot's `└──╼ $`;
//   - the second line of a two-line theme whose sign is an arrow, `→ ` under a first line that
//     says who, where and when (`# jrhizor in ~/code/airbyte on git:master ● [10:16:25]`);
//   - the `»` sign many themes end a one-line prompt with, after who, where and the git branch
//     (`avecerek@avecerek ~/my_current_path ±avecerek_use-node-publisher⚡ » `, `~ » `, ` » `);
//   - oh-my-zsh's default theme (robbyrussell) and its kin: the heavy arrow `➜` first, then the
//     folder and the git segment (`➜  myproj git:(master) ✗ `), or the command right after the
//     arrow; a few short segments other plugins print before it (a battery's `•100% ➜ `, conda's
//     `(base) ➜ ~ `).
// Both only before a command this tool knows (the caller checks): output lines can look like them.

import { isKnown } from './known-commands.js';

/** `user@host dir % cmd`, `host% cmd`, `% cmd` → the command typed; null when the line is no such prompt. */
const ZSH_PERCENT = /^(?:[\w.-]{1,40}@[\w.-]{1,64}(?: [^\s%]{1,200})? |[\w.-]{1,64})?% +(\S.*)$/;

/**
 * `•100% ➜ cmd`, `(base) ➜ ~ cmd`, `➜  dir git:(branch) ✗ cmd`: up to three short segments before the
 * heavy arrow (no blank, no arrow in them), then what follows it.
 */
const HEAVY_ARROW = /^(?:[^\s➜]{1,40} ){0,3}➜ +(\S.*)$/;

/** The folder robbyrussell prints after the arrow, and its git segment (`git:(master)`, ` ✗` when dirty). */
const ARROW_PLACE = /^[^\s$#>]{1,200}(?: git:\([^)\s]{1,100}\))?(?: ✗)? +(\S.*)$/;

/**
 * `•100% ➜ sudo lsof -n | …`, `➜  myproj git:(master) ✗ lsof -p 12` → the command typed: what follows the
 * arrow when it is a command this tool knows, else what follows the folder (and git segment) after it;
 * null otherwise (prose with an arrow in it names no known command there).
 */
export function heavyArrowCommand(line: string): string | null {
  const rest = HEAVY_ARROW.exec(line)?.[1];
  if (rest === undefined) return null;
  if (isKnown(rest)) return rest;
  const after = ARROW_PLACE.exec(rest)?.[1];
  return after !== undefined && isKnown(after) ? after : null;
}

/** A box-drawing corner and its line (`╰─`, `└──╼ `) opening a prompt's second line. */
const BOX_CORNER = /^[╰└](?:─){1,4}(?:╼ ?)?/;

/** `→ cmd`: a two-line theme's arrow sign (the `->` prompt.ts reads, drawn as one glyph). */
const ARROW_SIGN = /^→ +(\S.*)$/;

/** `user@host dir ±branch⚡ » cmd`, `» cmd`: a theme's `»` sign, the words before it (if any) its who and where. */
const CHEVRON_SIGN = /^(?:[^»\n]{0,300} )?» +(\S.*)$/;

/** `… ±branch⚡ » lsof -p 7389 | wc -l` → the command typed; null when the line is no such prompt. */
export function chevronSignCommand(line: string): string | null {
  return CHEVRON_SIGN.exec(line)?.[1] ?? null;
}

/** `→ docker-compose exec scheduler …` → the command typed; null when the line is no such prompt. */
export function arrowSignCommand(line: string): string | null {
  return ARROW_SIGN.exec(line)?.[1] ?? null;
}

export function zshPercentCommand(line: string): string | null {
  return ZSH_PERCENT.exec(line)?.[1] ?? null;
}

/** The line after the box corner of a two-line prompt (`╰─~> lsof` → `~> lsof`); null without one. */
export function afterBoxCorner(line: string): string | null {
  const m = BOX_CORNER.exec(line);
  if (!m) return null;
  const rest = line.slice(m[0].length);
  // Parrot's `└──╼ $cmd` has no space after its sign.
  return /^[$#](?=\S)/.test(rest) ? `${rest[0]} ${rest.slice(1)}` : rest;
}
