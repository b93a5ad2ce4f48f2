# Disk checker: runs `df -P PATH` through open |cmd for each mount, every tick, reads one line
# and moves on. The channel is never closed: its pipe stays open and Tcl never waits for df,
# which stays a zombie.
set mounts {/ /tmp /var /usr}
set log [open [lindex $argv 0] a]
fconfigure $log -buffering line
set tick 0
while 1 {
    incr tick
    foreach m $mounts {
        if {[catch {set ch [open |[list df -P $m] r]} err]} {
            puts $log "[clock format [clock seconds] -gmt 1 -format {%Y-%m-%d %H:%M:%S}] checker: tick $tick $m: $err"
            continue
        }
        gets $ch header
        gets $ch row
        # BUG: no [close $ch]
    }
    puts $log "[clock format [clock seconds] -gmt 1 -format {%Y-%m-%d %H:%M:%S}] checker: tick $tick ok"
    after 250
}
