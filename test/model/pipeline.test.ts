// What a pasted command says about the process it is about, and what its count counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commandName, commandPid, interpretCount, programRun } from '../../src/model/pipeline.js';
import { lookupText, pidLookup } from '../../src/model/pid-lookups.js';
import { splitPipeline } from '../../src/shell.js';

test('a command names its process by pgrep, pidof or a pid file', () => {
  assert.equal(commandName('ls -l /proc/`pgrep rsyslogd`/fd'), 'rsyslogd');
  assert.equal(commandName('ls /proc/$(pidof dockerd)/fd | wc -l'), 'dockerd');
  // https://github.com/logsearch/logsearch-boshrelease/issues/93, https://github.com/moby/moby/issues/27343
  assert.equal(commandName('cat /proc/$( cat /var/vcap/sys/run/elasticsearch/elasticsearch.pid )/limits | grep files'), 'elasticsearch');
  assert.equal(interpretCount('ls -l /proc/$(cat /var/run/docker.pid)/fd |grep deleted |wc -l')?.name, 'docker');
  assert.equal(commandName('cat /proc/$(cat /tmp/x y.pid)/limits'), undefined);
});

test('`| wc` with no option counts lines (its first number); `| wc -c`, and `| wc -w` of a long listing, count no fds', () => {
  // https://github.com/kubernetes/node-problem-detector/issues/297
  assert.deepEqual(interpretCount('cd /proc/17224/fd && ls |wc'), { tool: 'ls', measure: 'lines', pid: 17224 });
  assert.equal(interpretCount('ls /proc/17224/fd | wc -c'), null);
  assert.equal(interpretCount('ls -l /proc/17224/fd | wc -w'), null);
  // A bare ls prints one word per fd name: its words are its fds (flux-core#98, round 93).
  assert.equal(interpretCount('ls /proc/17224/fd | wc -w')?.pid, 17224);
});

test('after `lsof -p $(pidof NAME)` or `lsof -c NAME` a grep picks rows, not the process', () => {
  // https://github.com/wazuh/wazuh/issues/11163: the count is of cve.db's rows in wazuh-modulesd.
  assert.deepEqual(interpretCount('lsof -p $(pidof wazuh-modulesd) | grep "cve.db" |wc -l'), {
    tool: 'lsof',
    measure: 'lines',
    name: 'wazuh-modulesd',
    grep: ['cve.db'],
  });
  assert.deepEqual(interpretCount('lsof -c java | grep deleted | wc -l'), {
    tool: 'lsof',
    measure: 'lines',
    name: 'java',
    grep: ['deleted'],
  });
  // A host-wide lsof: the grep still picks the process (`-iudp` carries its own argument).
  assert.equal(interpretCount('lsof | grep rundeck | wc -l')?.name, 'rundeck');
  assert.equal(interpretCount('lsof -iudp | grep rundeck | wc -l')?.name, 'rundeck');
});

test("BSD's fd listers name their process: `fstat -p PID`, `procstat -f PID`", () => {
  // https://github.com/syncthing/syncthing/issues/5025 (OpenBSD)
  assert.deepEqual(interpretCount('fstat -p 13038 | wc -l'), { tool: 'fstat', measure: 'lines', pid: 13038 });
  assert.equal(interpretCount('procstat -f 4242 | wc -l')?.pid, 4242);
  assert.equal(interpretCount('fstat | wc -l')?.pid, undefined);
});

// gh-cylc-uiserver-date-lsof-loop-rows-stepping (cylc/cylc-uiserver#44): the pid from ps's second
// column, of the rows a grep for the name picked (`[c]` keeps grep's own row out).
test("a pid looked up with ps | grep NAME | awk '{print $2}' names the process NAME, as pgrep -f would", () => {
  const cylc =
    "while true; do date | tr '\\n' ' ' && lsof -a -p $(ps aux  | grep [c]ylc-singleuser | awk '{ print $2 }') | wc -l && sleep 5; done";
  const l = pidLookup(cylc);
  assert.equal(l?.name, 'cylc-singleuser');
  assert.equal(l?.by, 'ps-grep');
  assert.deepEqual(l && lookupText(l), {
    namedBy: "`ps aux  | grep [c]ylc-singleuser | awk '{ print $2 }'`",
    pidCommand: 'pgrep -f cylc-singleuser',
  });
  assert.equal(pidLookup("ls /proc/`ps -ef | grep java | grep -v grep | awk '{print $2}'`/fd | wc -l")?.name, 'java');
  // No awk of the pid column, or a grep of no name: no lookup.
  assert.equal(pidLookup('ps aux | grep tomcat'), undefined);
  assert.equal(pidLookup("lsof -p $(ps aux | grep 'java.*-jar' | awk '{print $2}')"), undefined);
  assert.equal(pidLookup("lsof -p $(ps aux | awk '{print $2}')"), undefined);
});

// gh-wlroots-sway-exec-sleep-dri-card0-fd9 (swaywm/wlroots#1521): fish substitutes a command in
// bare parentheses, `ls -l /proc/(pgrep sleep)/fd`; bash has no such word, so it is the same lookup.
test("fish's bare (pgrep NAME) / (pidof NAME) in a /proc path or after -p is a pid lookup", () => {
  const fish = pidLookup('> ls -l /proc/(pgrep sleep)/fd');
  assert.equal(fish?.name, 'sleep');
  assert.equal(fish?.by, 'pgrep');
  assert.equal(commandName('ls -l /proc/(pgrep sleep)/fd'), 'sleep');
  assert.equal(pidLookup('ls -l /proc/(pgrep -x sway)/fd')?.name, 'sway');
  assert.equal(pidLookup('lsof -p (pidof sway)')?.name, 'sway');
  // A subshell elsewhere, or parentheses in prose, name nothing.
  assert.equal(pidLookup('(pgrep sleep)'), undefined);
  assert.equal(pidLookup('echo done (pgrep sleep)'), undefined);
});

// gh-multipass-macos-network-cache-files-reopened (canonical/multipass#1102): the grep's pattern is
// a piece of the executable's path, as ps prints it (`/usr/local/bin/multipassd`).
test('a ps | grep lookup whose pattern is a path names the program by its last part', () => {
  const l = pidLookup("sudo lsof -p $(ps aux | grep [b]in/multipassd | awk '{print $2}') | grep -c network-cache");
  assert.equal(l?.name, 'multipassd');
  assert.equal(l?.by, 'ps-grep');
  assert.equal(pidLookup("lsof -p $(ps -ef | grep /usr/sbin/[n]ginx | awk '{print $2}')")?.name, 'nginx');
  // A path that ends in its folder names no program.
  assert.equal(pidLookup("lsof -p $(ps aux | grep [o]pt/app/ | awk '{print $2}')"), undefined);
});

// gh-influxdb-08-proc-fd-count-1023-shard-emfile: the pid looked up with the usual `grep -v grep`,
// in backticks, inside the path of the count's `ls`.
test('the pipes of a pid lookup are not stages of the pipeline around it', () => {
  const cmd = "sudo ls /proc/`ps auxw | grep influxdb | grep -v grep | grep -v sudo | awk '{print $2}'`/fd | wc -l";
  assert.deepEqual(splitPipeline(cmd), [
    "sudo ls /proc/`ps auxw | grep influxdb | grep -v grep | grep -v sudo | awk '{print $2}'`/fd",
    'wc -l',
  ]);
  assert.deepEqual(interpretCount(cmd), { tool: 'ls', measure: 'lines', name: 'influxdb' });
  assert.deepEqual(splitPipeline("ls /proc/$(ps -ef | grep [j]ava | awk '{print $2}')/fd | grep -c socket"), [
    "ls /proc/$(ps -ef | grep [j]ava | awk '{print $2}')/fd",
    'grep -c socket',
  ]);
  // `$(( … ))` and quoted pipes as before; an unclosed substitution keeps the rest whole.
  assert.deepEqual(splitPipeline('echo $((1+2)) | wc -l'), ['echo $((1+2))', 'wc -l']);
  assert.deepEqual(splitPipeline('awk \'{print $1 "|" $2}\' f | sort'), ['awk \'{print $1 "|" $2}\' f', 'sort']);
  assert.deepEqual(splitPipeline('ls /proc/$(pgrep x | head -1/fd | wc -l'), ['ls /proc/$(pgrep x | head -1/fd | wc -l']);
});

// zdns#151: a host-wide lsof tallied by pid, then grep'd for the pid `pgrep` prints (the backticks
// escaped for Markdown as the issue shows them). The grep picks the process, not rows of a kind.
test('a grep for a pid lookup after a tally of lsof rows by pid picks the process, not rows', () => {
  const typed = "lsof -n|awk '{print $2}'|sort|uniq -c|sort -nr | grep \\`pgrep zdns\\`";
  assert.deepEqual(interpretCount(typed), { tool: 'lsof', measure: 'rows-per-key', name: 'zdns', key: 'pid' });
  assert.deepEqual(interpretCount("lsof -n | awk '{print $2}' | sort | uniq -c | grep $(pidof zdns)"), {
    tool: 'lsof',
    measure: 'rows-per-key',
    name: 'zdns',
    key: 'pid',
  });
  // A grep for a word stays a row filter.
  assert.deepEqual(interpretCount('lsof -n | grep zdns | grep sock | wc -l')?.grep, ['sock']);
});

test("a sed that keeps a line's first fields keys a tally as cut does; any other sed keys nothing", () => {
  // https://github.com/JuliaSmoothOptimizers/NLPModelsIpopt.jl/issues/100: lsof's COMMAND and PID, counted per pair
  const ipopt = "lsof -n +c 0 | sed -E 's/^([^ ]+[ ]+[^ ]+).*$/\\1/' | uniq -c | sort | tail";
  assert.deepEqual(interpretCount(ipopt), { tool: 'lsof', measure: 'rows-per-key', key: 'command pid' });
  assert.equal(interpretCount("lsof -n | sed 's/^\\([^ ]\\+\\).*$/\\1/' | sort | uniq -c")?.key, 'command');
  assert.equal(interpretCount("lsof -n | sed -E 's/^(\\S+\\s+\\S+\\s+\\S+).*/\\1/' | sort | uniq -c")?.key, 'command pid user');
  // Not a field cut: a substitution elsewhere, a group that is no run of fields, two scripts.
  assert.equal(interpretCount("lsof -n | sed 's/ +/ /g' | sort | uniq -c")?.key, undefined);
  assert.equal(interpretCount("lsof -n | sed -E 's/^([a-z]+).*$/\\1/' | sort | uniq -c")?.key, undefined);
  assert.equal(interpretCount("lsof -n | sed -E -e 's/^([^ ]+).*$/\\1/' -e 's/x/y/' | uniq -c")?.key, undefined);
});

test("a count of the lines of one fd's fdinfo file counts no fds; a count of the fdinfo folder does", () => {
  // test/accuracy/cases/node-fswatch-per-upload-one-inotify-fd-watches-grow: the watches of Node's one inotify fd
  const watches = "grep -c '^inotify' /proc/31813/fdinfo/$(ls -l /proc/31813/fd | awk '/inotify/{print $9; exit}')";
  assert.equal(interpretCount(watches), null);
  assert.equal(interpretCount('grep -c tfd /proc/4242/fdinfo/7'), null);
  assert.equal(interpretCount('cat /proc/4242/fdinfo/* | grep -c inotify'), null);
  // The folder has one entry per fd: still a count of the process's fds.
  assert.deepEqual(interpretCount('ls /proc/4242/fdinfo | wc -l'), { tool: 'ls', measure: 'lines', pid: 4242 });
  assert.deepEqual(interpretCount('ls /proc/4242/fdinfo/ | wc -l'), { tool: 'ls', measure: 'lines', pid: 4242 });
});

test('a shell loop typed at a prompt starts no program of its keyword; a plain command starts its own', () => {
  // https://github.com/howeyc/fsnotify/issues/35: the loop that made the files, above the watcher's log
  assert.equal(programRun('for i in `seq 0 20000` ; do touch $i ; done'), undefined);
  assert.equal(programRun('while true; do ls /proc/4242/fd | wc -l; sleep 5; done'), undefined);
  // https://github.com/nathany/looper/issues/34
  assert.equal(programRun('looper'), 'looper');
});

test("a wrapper's option value is no program: `timeout -s INT 2 strace -p N` traces pid N", () => {
  // round 257's captures (test/accuracy/cases/py-feedpoll-poller-thread-sockets-strace-q, go-relayd-…)
  assert.equal(commandPid('timeout -s INT 2 strace -q -f -tt -p 13265 -e trace=socket,openat,close'), 13265);
  assert.equal(commandPid('timeout -s INT 2 strace -ff -tt -o relay -p 16157 -e trace=pipe2,openat,close'), 16157);
  assert.equal(commandPid('timeout --signal INT -k 1 5 strace -f -p 77'), 77);
  assert.equal(commandPid('sudo -u postgres lsof -p 4242'), 4242);
  // joined forms were one word already
  assert.equal(commandPid('timeout -sINT 2 strace -p 12286'), 12286);
});
