// Go's panic report is a log of running out when its value says so (src/sources/crash-reports.ts,
// read by app-log.ts). Real lines: xtaci/kcp-go#40
// (test/accuracy/cases/gh-kcp-go-test-dialudp-socket-emfile-panic-fedora), a `go test` run in a
// Fedora build root.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goPanicRanOut } from '../../src/sources/crash-reports.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const RAN_OUT = (l: string) => /too many open files/i.test(l);

const KCP = [
  "+ go test -compiler gc -ldflags '' github.com/xtaci/kcp-go",
  'beginning tests, encryption:salsa20, fec:10/3',
  'default mode result (4800ms):',
  'avgrtt=1711 maxrtt=2779',
  'normal mode result (2123ms):',
  'avgrtt=131 maxrtt=281',
  'fast mode result (2104ms):',
  'avgrtt=133 maxrtt=264',
  'panic: net.DialUDP: dial udp 127.0.0.1:9999: socket: too many open files',
  'goroutine 1227 [running]:',
  'github.com/xtaci/kcp-go.dialEcho(0x0, 0x0, 0x0)',
  '\t/builddir/build/BUILDROOT/golang-github-xtaci-kcp-go-3.15-1.fc27.x86_64/usr/share/gocode/src/github.com/xtaci/kcp-go/sess_test.go:47 +0x2d2',
  'github.com/xtaci/kcp-go.parallel_client(0xc42019e650, 0xc420202f98, 0x477172)',
  '\t/builddir/build/BUILDROOT/golang-github-xtaci-kcp-go-3.15-1.fc27.x86_64/usr/share/gocode/src/github.com/xtaci/kcp-go/sess_test.go:348 +0x26',
  'created by github.com/xtaci/kcp-go.TestParallel1024CLIENT_64BMSG_64CNT',
  '\t/builddir/build/BUILDROOT/golang-github-xtaci-kcp-go-3.15-1.fc27.x86_64/usr/share/gocode/src/github.com/xtaci/kcp-go/sess_test.go:342 +0x7e',
  'FAIL\tgithub.com/xtaci/kcp-go\t12.556s',
];

test('a Go panic whose value says it ran out, its goroutine header next (or after a blank line)', () => {
  assert.equal(goPanicRanOut(KCP, RAN_OUT), true);
  const blank = ['panic: open /tmp/x: too many open files', '', 'goroutine 1 [running]:', 'main.main()'];
  assert.equal(goPanicRanOut(blank, RAN_OUT), true);
  // Not a panic of another error, nor the words without a goroutine's stack after them.
  assert.equal(goPanicRanOut(['panic: runtime error: index out of range', 'goroutine 1 [running]:'], RAN_OUT), false);
  assert.equal(goPanicRanOut(['panic: too many open files', 'so I raised the limit'], RAN_OUT), false);
});

test('kcp-go#40 pasted as a go test run: inconclusive, nobody blamed by pid, the panic line quoted', async () => {
  const result = await analyzeTranscript(
    `Packaging fails:\n\n\`\`\`\n${KCP.join('\n')}\n\`\`\`\n`,
    'transcript.md',
    new Date('2026-01-01T00:00:00Z'),
  );
  assert.equal(result.verdict, 'inconclusive');
  assert.match(result.unownedRanOut?.message ?? result.suspects[0]?.ranOut?.message ?? '', /socket: too many open files/);
});
