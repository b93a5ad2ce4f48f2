#!/usr/bin/env escript
%%! -noinput
%% Busy but healthy job runner: 8 workers each run an external command
%% through a port (closed by the runtime when the command exits) and append
%% to a per-job file that is opened and closed every time.
-mode(compile).
main([Dir]) ->
    [spawn(fun() -> worker(W, Dir, 1) end) || W <- lists:seq(1, 8)],
    receive never -> ok end.
worker(W, Dir, N) ->
    P = open_port({spawn, "echo done"}, [binary, exit_status]),
    wait(P),
    F = filename:join(Dir, "w" ++ integer_to_list(W) ++ ".out"),
    {ok, Fd} = file:open(F, [append, raw]),
    ok = file:write(Fd, io_lib:format("job ~p~n", [N])),
    ok = file:close(Fd),
    timer:sleep(20),
    worker(W, Dir, N + 1).
wait(P) ->
    receive
        {P, {data, _}} -> wait(P);
        {P, {exit_status, _}} -> ok
    end.
