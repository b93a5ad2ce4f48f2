// CouchDB's couch_log (2.0 and later) opens each record with its level in lowercase brackets, then
// an ISO stamp, the node, the Erlang pid and the request id: apache/couchdb#2016's couchdb.log
// (gh-couchdb-2016-mochiweb-accept-emfile-erlang-pids-log-only).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appLog } from '../../src/sources/app-log.js';
import { parseLines } from '../../src/sources/run.js';
import { headerStamp } from '../../src/sources/log-stamps.js';

const COUCH = [
  '[error] 2019-04-24T23:33:18.579123Z couchdb@127.0.0.1 <0.218.0> -------- {mochiweb_socket_server,346,{acceptor_error,{error,accept_failed}}}',
  '[error] 2019-04-24T23:33:18.579171Z couchdb@127.0.0.1 <0.5461.1085> -------- application: mochiweb, "Accept failed error", "{error,emfile}"',
  "[error] 2019-04-24T23:33:18.579428Z couchdb@127.0.0.1 <0.5461.1085> -------- CRASH REPORT Process  (<0.5461.1085>) with 0 neighbors exited with reason: {error,accept_failed} at mochiweb_acceptor:init/4(line:55) <= proc_lib:init_p_do_apply/3(line:240); initial_call: {mochiweb_acceptor,init,['Argument__1','Argument__2',...]}, ancestors: [couch_httpd,couch_secondary_services,couch_sup,...], messages: [], links: [<0.218.0>], dictionary: [], trap_exit: false, status: running, heap_size: 376, stack_size: 27, reductions: 281",
  '[error] 2019-04-24T23:33:18.680117Z couchdb@127.0.0.1 <0.218.0> -------- {mochiweb_socket_server,346,{acceptor_error,{error,accept_failed}}}',
  '[error] 2019-04-24T23:33:18.680167Z couchdb@127.0.0.1 <0.27470.1076> -------- application: mochiweb, "Accept failed error", "{error,emfile}"',
  '[error] 2019-04-24T23:33:18.680469Z couchdb@127.0.0.1 <0.27470.1076> -------- CRASH REPORT Process  (<0.27470.1076>) with 0 neighbors exited with reason: {error,accept_failed} at mochiweb_acceptor:init/4(line:5',
];

test("couch_log's records are records: the bracketed level before the ISO stamp", () => {
  const s = headerStamp(COUCH[1]);
  assert.ok(s);
  assert.equal(s.level, 'ERROR');
  assert.equal(s.date, '2019-04-24');
  assert.equal(s.zone, 'Z');
  assert.equal(Math.floor(s.seconds), 23 * 3600 + 33 * 60 + 18);
  assert.ok(s.rest.startsWith('couchdb@127.0.0.1 <0.5461.1085> '));
  assert.equal(
    headerStamp('[notice] 2017-08-23T16:46:18.372962Z nonode@nohost <0.27331.7> 4d214bcd07 localhost:5984 GET / 200')?.level,
    'INFO',
  );
});

test('a pasted couchdb.log is read as a log: two EMFILE reports, no OS pid from the Erlang pids', () => {
  assert.ok(appLog.detect({ head: COUCH, name: 'f' }) > 0);
  const { artifact } = parseLines(appLog, COUCH);
  assert.equal(artifact.exhaustion.emfile, 2);
  assert.deepEqual(Object.keys(artifact.exhaustion.byPid), []);
});

test('no such header without a dated stamp after the level, or with a level word not in brackets', () => {
  assert.equal(headerStamp('[error] something failed'), null);
  assert.equal(headerStamp('[error] 23:33:18 no date'), null);
  assert.equal(headerStamp('error 2019-04-24T23:33:18.579123Z x'), null);
  assert.equal(headerStamp('[verbose] 2019-04-24T23:33:18.579123Z x'), null);
  assert.equal(headerStamp('[error] 2019-13-24T23:33:18Z x'), null);
});
