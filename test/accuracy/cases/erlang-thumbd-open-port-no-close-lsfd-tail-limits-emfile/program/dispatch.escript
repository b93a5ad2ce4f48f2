#!/usr/bin/env escript
%% Thumbnail dispatcher: each call opens a port to a helper (cat stands in for it), sends the job
%% and reads one reply line; the port is never closed, so its pipes and its process stay.
main([LogPath]) ->
    {ok, Log} = file:open(LogPath, [append]),
    loop(Log, 1).

loop(Log, N) ->
    try open_port({spawn_executable, "/bin/cat"}, [binary, {line, 256}, use_stdio]) of
        Port ->
            Port ! {self(), {command, io_lib:format("thumb ~p~n", [N])}},
            receive {Port, {data, {eol, Reply}}} -> ok = stamp(Log, info, "call ~p: ~s", [N, Reply])
            after 2000 -> ok = stamp(Log, warning, "call ~p: no reply", [N])
            end
            %% BUG: no port_close(Port)
    catch error:Reason ->
        ok = stamp(Log, error, "call ~p: open_port/2 failed: ~p", [N, Reason])
    end,
    timer:sleep(120),
    loop(Log, N + 1).

stamp(Log, Level, Fmt, Args) ->
    {{Y,Mo,D},{H,Mi,S}} = calendar:universal_time(),
    io:format(Log, "~4..0w-~2..0w-~2..0wT~2..0w:~2..0w:~2..0wZ [~s] thumbd: " ++ Fmt ++ "~n",
              [Y,Mo,D,H,Mi,S,Level | Args]).
