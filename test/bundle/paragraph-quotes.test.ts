import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitParagraphs } from '../../src/bundle/transcript.js';
import { lsof } from '../../src/sources/lsof.js';

// awslabs/aws-codebuild-jenkins-plugin#55: a plain-text issue (no fence, no prompt) whose one lsof
// row is quoted as a Markdown blockquote.
const ROW =
  'java      11801    jenkins  572w      REG              202,1    118609     446884 /var/lib/jenkins/jobs/Test/9c179a84-d1ca-4ca5-a9ae-e608b42883c5-source.zip (deleted)';
const ISSUE = [
  'When i use the AWS Code Build plugin, in the job finish the xxxx.source.zip file is not deleted, i need restart the Jenkins process to file be released, i can see in "lsof" command:',
  '',
  `> ${ROW}`,
];

test("a paragraph quoted as a blockquote is read without its '>': the quoted lsof row is lsof's", () => {
  const items = splitParagraphs(ISSUE);
  assert.deepEqual(items[1].output, [{ text: ROW, line: 3 }]);
  assert.ok(lsof.detect({ head: items[1].output.map((o) => o.text), name: 'transcript.md' }) >= 0.5);
});

test("a '>>' line (a quote of a quote, or a shell's append) keeps its marks", () => {
  assert.deepEqual(splitParagraphs(['>> x'])[0].output, [{ text: '>> x', line: 1 }]);
});
