// A package manager that runs a package's script (`npm run start-frontend`, `npm test`, `yarn run
// dev`) or a package's program (`npx jest`, `pnpm exec jest`) prints what that script's programs
// print: under such a command a "Too many open files" is theirs, never the runner's own
// (react-bazel-example#1: `npm run start-frontend`, then Bazel's `java.io.IOException`). A build
// tool running a target's recipe (`make w`, `just serve`) is the same: its recipe's programs print
// (gostatic#76: `make w` echoes `gostatic -w config`, then Go's `http: Accept error: ... too many
// open files` is gostatic's, not make's).

/** Package managers of node's ecosystem, each of which runs scripts and packages' programs. */
const MANAGERS = new Set(['npm', 'pnpm', 'yarn', 'bun']);

/** Their verbs that run a script of package.json (npm's aliases included). */
const SCRIPT_VERBS = new Set(['run', 'run-script', 'rum', 'urn', 'test', 't', 'tst', 'start', 'stop', 'restart']);

/** Their verbs that run a package's program, named next (`npm exec jest`, `pnpm dlx …`, `bun x …`). */
const EXEC_VERBS = new Set(['exec', 'x', 'dlx']);

/** Programs that run a package's program, named first (`npx jest`). */
const EXECUTORS = new Set(['npx', 'pnpx', 'bunx']);

/** Build tools whose command runs a target's recipe, other programs: `make w`, `just serve`. */
const RECIPE_RUNNERS = new Set(['make', 'gmake', 'bmake', 'just']);

const MAX_WORDS = 20;

/**
 * What a package manager's command runs, when it runs something else: `{}` for a script or a
 * build tool's recipe (its programs are not named), `{ program }` for a package's program; undefined when the command is
 * the manager's own work (`yarn install`, `npm ci`) or no manager's.
 */
export function packageRun(tool: string, args: string[]): { program?: string } | undefined {
  const named = args.slice(0, MAX_WORDS).filter((a) => !a.startsWith('-'));
  if (RECIPE_RUNNERS.has(tool)) return {};
  if (EXECUTORS.has(tool)) return { program: named[0] };
  if (!MANAGERS.has(tool)) return undefined;
  const verb = named[0];
  if (verb === undefined) return undefined;
  if (SCRIPT_VERBS.has(verb)) return {};
  if (EXEC_VERBS.has(verb)) return { program: named[1] };
  return undefined;
}
