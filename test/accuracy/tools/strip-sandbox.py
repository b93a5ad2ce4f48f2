#!/usr/bin/env python3
"""Remove the rows of this sandbox's own processes from host-wide listings.

The machine these cases were captured on also runs the sandbox's supervisor
(line_io_tools/binary_backend), the shells it starts, and whatever other
sessions run under those shells at the same time. None of them has anything
to do with the case. This drops exactly their rows and nothing else:

  other = binary_backend processes and all their descendants, as seen in the
          `ps -eo pid,ppid,args` snapshots given with --snap, minus the
          capture script (--keep PID) and everything under it.

usage: strip-sandbox.py --keep PID --snap FILE [--snap FILE ...] FILE...
Each FILE is rewritten in place; rows are recognised by the PID column of
ps output (header with PID), `%7d PID` fd-count lines, `pid=N` in ss users:,
and `PID/prog` in netstat -p output.
"""
import re
import sys


def tree(snap):
    kids, args = {}, {}
    for line in open(snap):
        f = line.split(None, 2)
        if len(f) < 2 or not f[0].isdigit():
            continue
        pid, ppid = int(f[0]), int(f[1])
        kids.setdefault(ppid, []).append(pid)
        args[pid] = f[2] if len(f) > 2 else ''
    return kids, args


def below(kids, root):
    out, todo = set(), [root]
    while todo:
        p = todo.pop()
        if p in out:
            continue
        out.add(p)
        todo.extend(kids.get(p, []))
    return out


def main(argv):
    keep, snaps, files = None, [], []
    i = 0
    while i < len(argv):
        if argv[i] == '--keep':
            keep = int(argv[i + 1]); i += 2
        elif argv[i] == '--snap':
            snaps.append(argv[i + 1]); i += 2
        else:
            files.append(argv[i]); i += 1
    other = set()
    for s in snaps:
        kids, args = tree(s)
        mine = below(kids, keep)
        for pid, a in args.items():
            if 'line_io_tools/binary_backend' in a:
                other |= below(kids, pid) - mine
    for path in files:
        lines = open(path).read().split('\n')
        out, dropped, pidcol = [], 0, None
        for n, line in enumerate(lines):
            f = line.split()
            pids = []
            if pidcol is None and 'PID' in f and n < 3:
                pidcol = f.index('PID')
            elif pidcol is not None and len(f) > pidcol and f[pidcol].isdigit():
                pids = [int(f[pidcol])]
            elif len(f) == 2 and f[0].isdigit() and f[1].isdigit():
                pids = [int(f[1])]
            else:
                pids = [int(x) for x in re.findall(r'pid=(\d+)', line)]
                pids += [int(x) for x in re.findall(r'\s(\d+)/\S+\s*$', line)]
            if pids and all(p in other for p in pids):
                dropped += 1
                continue
            out.append(line)
        open(path, 'w').write('\n'.join(out))
        print(f'{path}: {dropped} rows of sandbox processes removed')


main(sys.argv[1:])
