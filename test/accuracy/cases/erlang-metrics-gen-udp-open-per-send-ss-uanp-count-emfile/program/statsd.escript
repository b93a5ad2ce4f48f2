#!/usr/bin/env escript
%% Metrics sender: opens a UDP socket per metric to send one statsd line; never gen_udp:close/1.
%% The sending process lives forever, so the ports (and their fds) are never released.
main([LogPath]) ->
    {ok, Log} = file:open(LogPath, [append]),
    _ = calendar:universal_time(),   % load the module now: with no fd left the code server cannot
    loop(Log, 1).
loop(Log, N) ->
    case gen_udp:open(0, [binary]) of
        {ok, S} ->
            ok = gen_udp:send(S, {127,0,0,1}, 8125, io_lib:format("jobs.done:~p|c", [N]));
            %% BUG: no gen_udp:close(S)
        {error, Reason} ->
            {{Y,Mo,D},{H,Mi,Sec}} = calendar:universal_time(),
            io:format(Log, "~4..0w-~2..0w-~2..0w ~2..0w:~2..0w:~2..0w [error] metrics: send ~p: ~p~n", [Y,Mo,D,H,Mi,Sec,N,{error,Reason}])
    end,
    timer:sleep(40),
    loop(Log, N + 1).
