// A sentence of Chinese (Japanese, Korean) prose under a command pasted outside a code block ends
// its output, as an English one does: on the real lines of shazi.info's Filebeat post.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isProseSentence } from '../../src/bundle/prose-line.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const POST = [
  '要檢查是否有被 Filebeat 抓住被刪除的檔案,可以用 lsof 去查看',
  '',
  '$ lsof | grep filebeat',
  '',
  '如果看到類似以下訊息,尤其是最後有出現 (deleted) 的話,恭喜你刪除的檔案依然被 Filebeat 抓著不放,所以硬碟空間並沒有被釋放掉。',
  '',
  'filebeat 8442 filebeat 29u REG 253,17 3926560 0 1499 /var/log/apache2/access.log (deleted)',
  '',
  '這個問題其實在 elastic 有蠻多人提出來的:',
  '',
  '然後你的硬碟就會呈現飛高高的狀態,一直下不來。',
];

test('a CJK sentence is prose; a localised message, a log record and a label are not', () => {
  assert.equal(isProseSentence(POST[4]), true);
  assert.equal(isProseSentence('然後你的硬碟就會呈現飛高高的狀態,一直下不來。'), true);
  assert.equal(isProseSentence("ls: 无法访问 '/proc/8442/fd': 没有那个文件或目录"), false);
  assert.equal(isProseSentence('2019-06-27 10:00:01 [ERROR] 打开文件失败,文件描述符已用完。'), false);
  assert.equal(isProseSentence('硬碟空間。'), false);
});

test('shazi.info: the lsof row under the prose is read, the post is no output of the command', async () => {
  const r = await analyzeTranscript(POST, 'transcript.md');
  assert.equal(r.verdict, 'inconclusive');
  assert.ok((r.processes ?? []).some((p) => p.pid === 8442));
  assert.equal(r.suspects.length, 0);
});
