// A writer's one-dash `<-` note after an output value (accuracy round 121), on the real lines of
// Dispatcharr/Dispatcharr#1555: `ulimit -n` in the container and in the workers' su session, each
// value followed by blanks and `<- what …`. A log's `a <- b` (one blank) keeps its text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitTranscript, withoutAnnotation } from '../../src/bundle/transcript.js';

test('a one-dash back mark set apart by two blanks or more is a note', () => {
  assert.equal(withoutAnnotation('65536                                   <- what compose set'), '65536');
  assert.equal(withoutAnnotation('1024                                    <- what the workers actually get'), '1024');
  assert.equal(withoutAnnotation('proxy 10.0.0.1:5000 <- 10.0.0.2:443 closed'), 'proxy 10.0.0.1:5000 <- 10.0.0.2:443 closed');
  assert.equal(withoutAnnotation('  <- GET /'), '  <- GET /');
  assert.equal(withoutAnnotation('x  <-chan int'), 'x  <-chan int');
});

test('the annotated ulimit values are read as the commands` outputs', () => {
  const items = splitTranscript([
    '```',
    "$ docker exec dispatcharr bash -c 'ulimit -n'",
    '65536                                   <- what compose set',
    `$ docker exec dispatcharr bash -c 'su - dispatch -c "ulimit -n"'`,
    '1024                                    <- what the workers actually get',
    '```',
  ]);
  const outputs = items.filter((it) => it.command?.startsWith('docker exec')).map((it) => it.output.map((o) => withoutAnnotation(o.text)));
  assert.deepEqual(outputs, [['65536'], ['1024']]);
});
