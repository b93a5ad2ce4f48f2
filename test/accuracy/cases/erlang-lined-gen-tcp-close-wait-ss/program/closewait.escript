#!/usr/bin/env escript
%%! -noinput
%% Line server: each connection is handed to a worker that answers one line
%% and then waits for a "done" message nobody sends; the socket is never
%% closed, so after the client hangs up it stays in CLOSE_WAIT.
-mode(compile).
main(_) ->
    logger:set_handler_config(default, formatter, {logger_formatter, #{single_line => true}}),
    {ok, L} = gen_tcp:listen(7412, [binary, {packet, line}, {active, false}, {reuseaddr, true}]),
    accept(L).
accept(L) ->
    case gen_tcp:accept(L) of
        {ok, S} ->
            Pid = spawn(fun() -> receive go -> handle(S) end end),
            ok = gen_tcp:controlling_process(S, Pid),
            Pid ! go;
        {error, Reason} ->
            logger:error("lined: accept failed: ~p", [Reason]),
            timer:sleep(1000)
    end,
    accept(L).
handle(S) ->
    {ok, _Line} = gen_tcp:recv(S, 0),
    ok = gen_tcp:send(S, <<"OK\n">>),
    receive done -> gen_tcp:close(S) end.
