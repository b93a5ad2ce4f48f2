// ejabberd's listener printing the reason of a failed accept as the BEAM atom itself, and an EMQX
// connection process exiting with it (processone/ejabberd#1112, emqx/emqx#1054). Real line:
// test/accuracy/cases/gh-ejabberd-listener-failed-tcp-accept-emfile-atom.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ranOutErrno } from '../../src/sources/exhaustion-text.js';

const EJABBERD = '2016-05-09 13:22:45.901 [error] <0.397.0>@ejabberd_listener:accept:317 (#Port<0.4197>) Failed TCP accept: emfile';

test("ejabberd's `Failed TCP accept: emfile` says the process ran out (EMFILE)", () => {
  assert.equal(ranOutErrno(EJABBERD), 'EMFILE');
  assert.equal(ranOutErrno(EJABBERD.replace('emfile', 'enfile')), 'ENFILE');
});

test('an Erlang exit `{shutdown, emfile}` says it ran out; the atom alone in prose does not', () => {
  assert.equal(ranOutErrno('EMQTT experiencing EXIT: {shutdown, emfile} error'), 'EMFILE');
  assert.equal(ranOutErrno('see src/emfile.erl and the accept: emfiles list'), null);
  assert.equal(ranOutErrno('Failed TCP accept: closed'), null);
});

// OTP logger's line for a reason printed with `~p` after a colon, the atom its last word
// (test/accuracy/cases/erlang-dispatcher-open-port-pipes-emfile: open_port/2 raising emfile).
const OTP_LOGGER = '2026-12-07T19:06:55.367824+00:00 error: dispatcher: job 121: open_port failed: emfile';

test("a logged reason `…: emfile` at the line's end says the process ran out", () => {
  assert.equal(ranOutErrno(OTP_LOGGER), 'EMFILE');
  assert.equal(ranOutErrno(OTP_LOGGER.replace('emfile', 'enfile')), 'ENFILE');
  assert.equal(ranOutErrno(`${OTP_LOGGER}.`), 'EMFILE');
  assert.equal(ranOutErrno('dispatcher: job 121: open_port failed: emfile_worker crashed'), null);
  assert.equal(ranOutErrno('loaded module: emfile.erl'), null);
});
