// A stamped log record a paste wrapped at its terminal's width, the words that say the process
// ran out on the line under the stamp (accuracy round 254): Manta's pyflow log pasted from a
// Nextflow run, Illumina/manta#245
// (test/accuracy/cases/gh-manta-pyflow-makelocusgraph-fai-too-many-open-files-wrapped).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appLogScore, wrappedUnderStamp } from '../../src/sources/log-shape.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const PYFLOW = [
  "[2020-11-12T11:15:18.504895Z] [gkq0xd2.16.20.10.in-addr.arpa] [4015_1] [pyflowTaskWrapper:summarizeStats] Task: 'summarizeSt",
  "ats' complete. elapsedSec: 5 elapsedCoreSec: 5",
  '[2020-11-12T11:15:24.094486Z] [gkq0xd2.16.20.10.in-addr.arpa] [4015_1] [makeLocusGraph_chromId_002_(contig)-(start)-(end)',
  '00] /sandbox/resources/species/human/cng.fr/hs37d5/hs37d5_all_chr.fasta.fai: Too many open files',
  '[2020-11-12T11:15:24.356581Z] [gkq0xd2.16.20.10.in-addr.arpa] [4015_1] [makeLocusGraph_chromId_002_(contig)-(start)-(end)',
  "00] FATAL_ERROR: Failed to use reference: '/sandbox/resources/species/human/cng.fr/hs37d5/hs37d5_all_chr.fasta' for BAM/CRAM",
  " file: '/sandbox/shares/u1087/lindenb/work/B00I9A7.cram'",
];

test('the rest of a stamped record wrapped at a terminal width is that record', () => {
  assert.equal(wrappedUnderStamp(PYFLOW, 3), true);
  assert.equal(wrappedUnderStamp(PYFLOW, 1), true);
  // Indented (a frame, a wrapped word-continuation), stamped itself, or under a short line: not.
  assert.equal(wrappedUnderStamp(PYFLOW, 6), false);
  assert.equal(wrappedUnderStamp(PYFLOW, 2), false);
  assert.equal(wrappedUnderStamp(PYFLOW, 0), false);
  assert.equal(wrappedUnderStamp(['2020-11-12 11:15:24 INFO short', 'Too many open files'], 1), false);
});

test('a pyflow log whose ran-out line was wrapped under its stamp is a log', async () => {
  assert.equal(appLogScore({ head: PYFLOW, name: 'x' }), 0.35);
  const r = await analyzeTranscript(`\`\`\`\n${PYFLOW.join('\n')}\n\`\`\`\n`, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(r.verdict, 'inconclusive');
  assert.match(r.unownedRanOut?.message ?? '', /hs37d5_all_chr\.fasta\.fai: Too many open files/);
  assert.equal(r.suspects.length, 0);
});
