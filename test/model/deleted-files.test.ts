// Deleted files a process holds: the ones rotation replaced (a newer file at the same path, a
// rotated log's name) are handles it was to let go of; temp files unlinked on purpose are not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { isRotatedLogName, rotationBase } from '../../src/model/signals/rotation.js';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

async function deletedSignal(transcript: string) {
  const { result } = await analyzeBundle(transcript, { now });
  return { result, signal: result.suspects[0]?.reasons.find((r) => r.signal === 'deleted-files-held') };
}

test('rotated log names: logrotate dateext and numbered copies, not temp files or a scratch pdf', () => {
  for (const name of [
    '/var/log/foreman-proxy/proxy.log-20210721',
    '/var/log/nginx/ssl_access.log-20180102',
    '/tmp/accn/c-ingestd/ingest.log.3',
    '/var/log/messages.1',
    '/srv/app/catalina.out.2024-01-01.gz',
    // canonical/lxd#11780: the previous log LXC keeps when a container starts a fresh one.
    '/var/log/lxd/mottainai-macaroni-phoenix-bu-137605241/lxc.log.old',
    '/var/log/Xorg.0.log.old',
    // rsyslog/rsyslog#4442: journald's archived journals, which rsyslog's imjournal kept open.
    '/run/log/journal/abf6c3e0a96f452ab2efd6c2d1a9c1e0/system@998e079441114f849bacfed0a1f33980-00000000000b7dca-0005aed556451365.journal',
    // rsyslog/rsyslog#5176, vectordotdev/vector#8101: kubelet's rotated container logs, date and time.
    '/var/log/pods/sma_cluster-kafka-0_6e1d1e33-9172-41aa-861f-7176ecb00278/kafka/0.log.20230703-022627',
    '/var/log/pods/elastic-...100b1-ff77-49f7-9794-6c1d066eceb3/elasticsearch/1.log.20210701-075620',
    // vectordotdev/vector#763: a log written under its date and time, deleted by a cleanup job.
    '/path/to/my_log.2019-08-16-19-51',
  ])
    assert.ok(isRotatedLogName(name), name);
  for (const name of [
    '/var/lib/mysql/tmp/ibDOy0eD',
    '/tmp/cm/render-worker/scratch/job-998.pdf',
    '/path/to/catalina.out',
    '/var/log/nginx/access.log',
    '/usr/lib/libfoo.so.1',
    '/etc/nginx/nginx.conf.old',
    '/srv/app/data.old',
    '/run/log/journal/abf6c3e0a96f452ab2efd6c2d1a9c1e0/system.journal',
    '/home/u/notes@work.journal',
    '/data/backup/db.2019-08-16-19-51',
    '/srv/app/report-20230703-022627.pdf',
  ])
    assert.ok(!isRotatedLogName(name), name);
});

test('the path before rotation added its suffix', () => {
  assert.equal(rotationBase('/dev/shm/rsyslog.tmp.6'), '/dev/shm/rsyslog.tmp');
  assert.equal(rotationBase('/var/log/foreman-proxy/proxy.log-20210721'), '/var/log/foreman-proxy/proxy.log');
  assert.equal(rotationBase('/var/log/app.log.2024-01-01.gz'), '/var/log/app.log');
  assert.equal(rotationBase('/var/log/pods/ns_pod_uid/kafka/0.log.20230703-022627'), '/var/log/pods/ns_pod_uid/kafka/0.log');
  assert.equal(rotationBase('/path/to/my_log.2019-08-16-19-51'), '/path/to/my_log');
  assert.equal(rotationBase('/dev/shm/rsyslog.tmp'), null);
  assert.equal(rotationBase('/tmp/.1'), null);
  // A journal reader opens the live archives of its folder by design: no older copy beside a live file.
  assert.equal(
    rotationBase('/var/log/journal/1a8f/user-1000@ac9c7e033a4e46cea922e5d5785be838-000000000c21298c-0005aa9a3594caf1.journal'),
    null,
  );
});

test("removed containers' lxc.log.old held open by LXD (find /proc/*/fd -ls, lxd#11780): two rotated away, decisive", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-lxclog-'));
  try {
    const file = join(dir, 'transcript.md');
    writeFileSync(
      file,
      [
        '```',
        "# find /proc/*/fd -ls 2>/dev/null | grep  '(deleted)' | grep lxd ",
        ' 50180225      0 lr-x------   1 root      root           64 Jun  2 11:04 /proc/13439/fd/29 -> /var/lib/lxd/storage-pools/btrfs-pool/containers/mottainai-macaroni-funtoo-bui-149455107/rootfs/.lxc_keep\\ (deleted)',
        ' 50186345      0 l-wx------   1 root      root           64 Jun  2 11:04 /proc/5534/fd/21 -> /var/log/lxd/mottainai-macaroni-phoenix-bu-137605241/lxc.log.old\\ (deleted)',
        ' 50186348      0 l-wx------   1 root      root           64 Jun  2 11:04 /proc/5534/fd/24 -> /var/log/lxd/mottainai-macaroni-funtoo-bui-137372590/lxc.log.old\\ (deleted)',
        '```',
        '',
      ].join('\n'),
    );
    const { result, signal } = await deletedSignal(file);
    assert.equal(result.verdict, 'leak');
    assert.equal(result.suspects[0].pid, 5534);
    assert.equal(result.suspects[0].leak?.kind, 'deleted-file');
    assert.equal(signal?.weight, 3);
    assert.match(signal?.statement ?? '', /rotated away \(the name is a rotated log's\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("journald's archived journals rsyslogd's imjournal still reads (lsof | grep deleted, rsyslog#4442): rotated away, decisive", async () => {
  const { result, signal } = await deletedSignal(
    join(CASES_DIR, 'gh-rsyslog-imjournal-lsof-grep-deleted-journal-archives', 'transcript.md'),
  );
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0].pid, 27896);
  assert.equal(signal?.weight, 3);
  assert.match(signal?.statement ?? '', /all were rotated away \(the name is a rotated log's\)/);
});

test('one rotated-away log held on four fds (foreman-proxy after logrotate): deleted-file, decisive', async () => {
  const { result, signal } = await deletedSignal(join(CASES_DIR, 'gh-ruby-logging-reopen-deleted', 'transcript.md'));
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0].pid, 1049);
  assert.equal(signal?.weight, 3);
  assert.match(signal?.statement ?? '', /all were rotated away \(the name is a rotated log's\)/);
});

test('deleted copies of catalina.out beside the live one (remote_syslog): a newer file at the same path', async () => {
  const { result, signal } = await deletedSignal(join(CASES_DIR, 'gh-remote-syslog-catalina-deleted', 'transcript.md'));
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0].pid, 4894);
  assert.equal(signal?.weight, 3);
  assert.equal(signal?.count, 3);
  assert.match(signal?.statement ?? '', /a newer file is open at the same path/);
  assert.deepEqual(
    signal?.evidence.map((e) => e.line),
    [10, 12, 13],
  );
});

test('two rotated nginx logs a log collector never closed (wazuh): decisive at two', async () => {
  const { result, signal } = await deletedSignal(join(CASES_DIR, 'gh-wazuh-rotated-logs-deleted', 'transcript.md'));
  assert.equal(result.verdict, 'leak');
  assert.equal(signal?.weight, 3);
});

test('one log on several fds, not deleted (synda), and temp files unlinked on purpose (mysqld): not rotated away', async () => {
  const synda = await deletedSignal(join(CASES_DIR, 'gh-synda-log-on-several-fds-negative', 'transcript.md'));
  assert.notEqual(synda.result.verdict, 'leak');
  assert.equal(synda.signal, undefined);
  const mysqld = await deletedSignal(join(CASES_DIR, 'blog-mysqld-innodb-tmp-deleted-negative', 'transcript.md'));
  assert.notEqual(mysqld.result.verdict, 'leak');
  assert.ok((mysqld.signal?.weight ?? 0) < 3);
  assert.doesNotMatch(mysqld.signal?.statement ?? '', /rotated/);
});

test("a rotated log on fds 1 and 2 (a shell's > log 2>&1) is no handle the program left behind", async () => {
  const text = readFileSync(join(CASES_DIR, 'gh-ruby-logging-reopen-deleted', 'transcript.md'), 'utf8');
  const lines = text.split('\n');
  // Keep two of the four rows, on fds 1 and 2.
  lines[11] = lines[11].replace('    9w', '    1w');
  lines[12] = lines[12].replace('   15w', '    2w');
  lines.splice(13, 2);
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-rotated-'));
  try {
    writeFileSync(join(dir, 'transcript.md'), lines.join('\n'));
    const { result, signal } = await deletedSignal(join(dir, 'transcript.md'));
    assert.equal(result.processes?.find((p) => p.pid === 1049)?.kinds['deleted-file'], 2);
    assert.notEqual(result.verdict, 'leak');
    assert.equal(signal, undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('renamed copies kept beside the file they were (rsyslog imfile: rsyslog.tmp.6 ... .9 and rsyslog.tmp): file, decisive', async () => {
  // The thread's rows; its command names the process by `pgrep rsyslogd` only, so a pid stands in for it here.
  const text = readFileSync(join(CASES_DIR, 'gh-rsyslog-imfile-rotated-fds', 'transcript.md'), 'utf8');
  const result = await analyzeTranscript(text.replace('/proc/`pgrep rsyslogd`/fd', '/proc/2316/fd'), 'transcript.md', now);
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0].leak.kind, 'file');
  const r = result.suspects[0].reasons.find((x) => x.signal === 'rotated-files-held');
  assert.equal(r?.weight, 3);
  assert.equal(r?.count, 4);
  assert.match(r?.statement ?? '', /4 fds are older copies of \/dev\/shm\/rsyslog\.tmp, which it also has open/);
  assert.deepEqual(
    r?.evidence.map((e) => e.line),
    [16, 17, 18],
  );
});

test('one renamed copy beside the new file (a reader finishing the copy it was on) only points', async () => {
  const text = readFileSync(join(CASES_DIR, 'gh-rsyslog-imfile-rotated-fds', 'transcript.md'), 'utf8');
  const lines = text.replace('/proc/`pgrep rsyslogd`/fd', '/proc/2316/fd').split('\n');
  lines.splice(16, 3); // fds 11-13 gone: only rsyslog.tmp.6 beside rsyslog.tmp
  const result = await analyzeTranscript(lines.join('\n'), 'transcript.md', now);
  assert.notEqual(result.verdict, 'leak');
  assert.equal(result.suspects[0].reasons.find((x) => x.signal === 'rotated-files-held')?.weight, 1);
});

test('a log held under several rotated names, the live file not listed (nginx + ModSecurity audit.log.1, .3, .4): file, decisive', async () => {
  const file = join(CASES_DIR, 'gh-modsecurity-nginx-rotated-audit-logs-held', 'transcript.md');
  const { result } = await analyzeBundle(file, { now });
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0].pid, 694241);
  assert.equal(result.suspects[0].leak.kind, 'file');
  const r = result.suspects[0].reasons.find((x) => x.signal === 'rotated-files-held');
  assert.equal(r?.weight, 3);
  assert.equal(r?.count, 7);
  assert.match(
    r?.statement ?? '',
    /older copies of \/opt\/data\/nginx\/logs\/front\.itcrowd\.uat\.xx\.yy\.audit\.log, under more than one rotated name/,
  );
});

test('one rotated name alone, the live file not listed, is no sign of rotated copies kept', async () => {
  const text = readFileSync(join(CASES_DIR, 'gh-modsecurity-nginx-rotated-audit-logs-held', 'transcript.md'), 'utf8');
  // Only the audit.log.1 rows: a writer still on the copy a rename just gave it.
  const lines = text.split('\n').filter((l) => !/audit\.log\.[34]$/.test(l));
  const result = await analyzeTranscript(lines.join('\n'), 'transcript.md', now);
  assert.equal(
    result.suspects[0]?.reasons.find((x) => x.signal === 'rotated-files-held'),
    undefined,
  );
});

test('three deleted sstables of one process name it, weakly (scylladb#2585); deleted standard streams do not (rails-assets#386)', async () => {
  const scylla = await deletedSignal(join(CASES_DIR, 'gh-scylla-ccm-lsof-grep-deleted-sstables', 'transcript.md'));
  assert.equal(scylla.result.verdict, 'inconclusive');
  assert.equal(scylla.result.suspects[0].pid, 12896);
  assert.equal(scylla.signal?.weight, 1);
  assert.equal(scylla.signal?.count, 3);
  // fds 0-2 of each process: a deleted pty and a rotated error log the shell redirected to.
  const stdio = await deletedSignal(join(CASES_DIR, 'gh-rails-assets-find-proc-fd-deleted-nginx-stdio-rotated-excerpt', 'transcript.md'));
  assert.equal(stdio.result.suspects.length, 0);
});

test("kubelet's rotated pod logs rsyslogd still holds, one of them twice (ls -tlr /proc/18/fd | grep, rsyslog#5176): rotated away, decisive", async () => {
  const text = [
    '```root@rsyslog-collector:/# ls -tlr /proc/18/fd/ |grep /sma_cluster-kafka-0_6e1d1e33-9172-41aa-861f-7176ecb00278',
    'lr-x------ 1 root root 64 Jul  6 19:11 493 -> /var/log/pods/sma_cluster-kafka-0_6e1d1e33-9172-41aa-861f-7176ecb00278/kafka/0.log.20230703-022627 (deleted)',
    'lr-x------ 1 root root 64 Jul  6 19:11 413 -> /var/log/pods/sma_cluster-kafka-0_6e1d1e33-9172-41aa-861f-7176ecb00278/kafka/0.log.20230703-022627 (deleted)',
    'lr-x------ 1 root root 64 Jul  6 19:11 266 -> /var/log/pods/sma_cluster-kafka-0_6e1d1e33-9172-41aa-861f-7176ecb00278/kafka/0.log.20230701-220702 (deleted)',
    'lr-x------ 1 root root 64 Jul  6 19:11 265 -> /var/log/pods/sma_cluster-kafka-0_6e1d1e33-9172-41aa-861f-7176ecb00278/kafka',
    '```',
  ].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', now);
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0]?.pid, 18);
  const r = result.suspects[0]?.reasons.find((x) => x.signal === 'deleted-files-held');
  assert.equal(r?.weight, 3);
  assert.equal(r?.kind, 'deleted-file');
});

// programming.vip's disk-space write-up: `lsof -a +L1` with its NLINK column, pasted with squeezed
// spaces (read word by word); each OpenResty worker holds one deleted access.log.
test('the one deleted path of a listing is named, and lsof +L1 rows read word by word keep NLINK out of the NAME', async () => {
  const result = await analyzeTranscript(
    [
      '$ lsof -a +L1',
      'COMMAND PID USER FD TYPE DEVICE SIZE/OFF NLINK NODE NAME',
      'openresty 864 nobody 4w REG 253,1 909429464760 0 659511 /mnt/fastmock/logs/access.log (deleted)',
      'openresty 865 nobody 4w REG 253,1 909429464760 0 659511 /mnt/fastmock/logs/access.log (deleted)',
      'mysqld 2417 polkitd 4u REG 0,38 0 0 659108 /tmp/ibAQqtrD (deleted)',
    ],
    'transcript.md',
    now,
  );
  const r = result.suspects.find((s) => s.pid === 864)?.reasons.find((x) => x.signal === 'deleted-files-held');
  assert.match(r?.statement ?? '', /1 fd is a file already deleted \(transcript\.md\), \/mnt\/fastmock\/logs\/access\.log, holding/);
});

test('two deleted fds of one path say both; fds on many paths name none', async () => {
  const fluentd = await deletedSignal(join(CASES_DIR, 'gh-fluentd-own-log-deleted-l1-partial', 'transcript.md'));
  assert.match(
    fluentd.signal?.statement ?? '',
    /2 fds are files already deleted \(transcript\.md\), both \/var\/log\/td-agent\/td-agent\.log,/,
  );
  const batches = await deletedSignal(join(CASES_DIR, 'gh-dd-sdk-android-lsof-no-command-deleted-batches', 'transcript.md'));
  assert.match(batches.signal?.statement ?? '', /^16 fds are files already deleted \(transcript\.md\), holding/);
});
