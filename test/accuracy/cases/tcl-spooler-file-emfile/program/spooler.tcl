# spooler: writes each incoming message to its own spool file.
# Bug: the channel of each spool file is never closed.
set dir [lindex $argv 0]
set logf [open [lindex $argv 1] a]
fconfigure $logf -buffering line
file mkdir $dir
puts $logf "[clock format [clock seconds] -format {%Y-%m-%d %H:%M:%S}] INFO spooler started, pid [pid]"
proc spool {dir n} {
    set ch [open [format "%s/msg-%06d.eml" $dir $n] w]
    puts $ch "Subject: message $n"
    flush $ch
    # missing: close $ch
}
set n 0
while {1} {
    incr n
    if {[catch {spool $dir $n} err]} {
        puts $logf "[clock format [clock seconds] -format {%Y-%m-%d %H:%M:%S}] ERROR spool $n failed: $err"
        puts $logf $::errorInfo
        after 500
    }
    after 20
}
