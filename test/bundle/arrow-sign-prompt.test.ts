// A two-line zsh theme whose second line is an arrow (accuracy round 121), on the real lines of
// airbytehq/airbyte#1470: `# jrhizor in ~/code/airbyte on git:master ● [10:16:25]` above
// `→ docker-compose exec scheduler /bin/bash -c "lsof | wc -l"`, its count on the next line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promptCommand } from '../../src/bundle/prompts.js';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { arrowSignCommand } from '../../src/bundle/zsh-prompts.js';

test('the arrow sign opens a command: a known one, or a container engine`s CLI', () => {
  assert.equal(arrowSignCommand('→ lsof | wc -l'), 'lsof | wc -l');
  assert.equal(
    promptCommand('→ docker-compose exec scheduler /bin/bash -c "lsof | wc -l"'),
    'docker-compose exec scheduler /bin/bash -c "lsof | wc -l"',
  );
  assert.equal(promptCommand('→ lsof | wc -l'), 'lsof | wc -l');
  // An arrow in prose is no prompt; nor is the theme's first line.
  assert.equal(promptCommand('→ It stays constant at 3k if no jobs have been scheduled.'), null);
  assert.equal(promptCommand('# jrhizor in ~/code/airbyte on git:master ● [10:16:25]'), null);
  assert.equal(arrowSignCommand('→'), null);
});

test('each arrow prompt gets its own count', () => {
  const items = splitTranscript([
    '```',
    '# jrhizor in ~/code/airbyte on git:master ● [10:16:30]',
    '→ docker-compose exec scheduler /bin/bash -c "lsof | wc -l"',
    '3331',
    '# jrhizor in ~/code/airbyte on git:master ● [10:16:32]',
    '→ docker-compose exec scheduler /bin/bash -c "lsof | wc -l"',
    '3331',
    '```',
  ]);
  const counts = items.filter((it) => it.command === 'docker-compose exec scheduler /bin/bash -c "lsof | wc -l"');
  assert.equal(counts.length, 2);
  assert.deepEqual(
    counts.map((it) => it.output.map((o) => o.text.trim()).filter((t) => t !== '' && !t.startsWith('#'))),
    [['3331'], ['3331']],
  );
});
