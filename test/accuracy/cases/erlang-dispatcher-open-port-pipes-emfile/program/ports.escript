#!/usr/bin/env escript
%%! -noinput
%% Converter dispatcher: every job opens a port to an external "cat" filter
%% with open_port/2, writes the job to it, and never calls port_close/1.
-mode(compile).
main(_) ->
    logger:set_handler_config(default, formatter, {logger_formatter, #{single_line => true}}),
    loop(1).
loop(N) ->
    try open_port({spawn, "cat"}, [binary, exit_status]) of
        P ->
            port_command(P, <<"job ", (integer_to_binary(N))/binary, "\n">>),
            case N rem 25 of 0 -> logger:notice("dispatcher: job ~p sent to ~p", [N, P]); _ -> ok end,
            timer:sleep(30)
    catch
        error:R ->
            logger:error("dispatcher: job ~p: open_port failed: ~p", [N, R]),
            timer:sleep(1000)
    end,
    loop(N + 1).
