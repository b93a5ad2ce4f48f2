// BuildKit's plain progress output (`docker build --progress=plain`, `docker buildx build`): each
// step opens with its vertex line, and every line a RUN step's command prints is led by the
// vertex's number and the seconds since the step started (moby/moby#40398):
//   `#10 [builder 2/7] RUN ulimit -a`
//   `#10 0.543 time(seconds)        unlimited`
//   `#10 0.543 nofiles              1073741816`
// The command's output is read as what it is: the vertex line becomes the command typed at a
// prompt (`$ ulimit -a`), its lines lose the `#10 0.543 ` before them. A RUN in exec form
// (`RUN ["bash", "-c", …]`) names no shell command and is left alone, as are the lines of other
// vertices and BuildKit's own (`#10 DONE 0.6s`), which end the step's output.

/** A RUN step's vertex line: its number and the shell command (`#10 [builder 2/7] RUN ulimit -a`). */
const RUN_STEP = /^#(\d{1,5}) \[[^\]]{1,200}\] RUN ([^[\s].{0,1000})$/;
/** One line the step's command printed: `#10 0.543 ` before it. */
const STEP_LINE = /^#(\d{1,5}) \d{1,6}\.\d{1,3} /;

/**
 * Rewrites, in place, each RUN step in lines [from, to) whose vertex line is followed by lines of
 * its own output: the vertex line becomes `$ COMMAND`, its lines lose their prefix. The output is
 * the run of lines right under the vertex line that carry its number.
 */
export function unprefixBuildkitSteps(lines: string[], from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const step = RUN_STEP.exec(lines[i].trimEnd());
    if (!step) continue;
    let j = i + 1;
    for (; j < to; j++) {
      const m = STEP_LINE.exec(lines[j]);
      if (!m || m[1] !== step[1]) break;
      lines[j] = lines[j].slice(m[0].length);
    }
    if (j > i + 1) lines[i] = `$ ${step[2]}`;
    i = j - 1;
  }
}
