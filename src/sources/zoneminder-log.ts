// The line prefix of ZoneMinder's logger, in its log files (`/var/log/zm/*.log`) and in the lines
// its daemons print: the time, then `NAME[PID].LEVEL`, then where and the message in brackets.
// Its Perl scripts (ZoneMinder::Logger: zmdc.pl, zmfilter.pl, zmeventnotification.pl) stamp the
// locale's date and write `[sub:line]`:
//   `02/27/21 10:20:10.002327 zmeventnotification[34882].ERR [ZoneMinder::Memory::Mapped:101] [Can't open memory map file '/dev/shm/zm.mmap.3': Too many open files]`
// its C++ daemons (zmc, zma, zms) an ISO date and `-FILE/LINE`:
//   `2017-08-30 10:10:44.669264 zms[2647].ERR-zm_monitor.cpp/3799 [Can't sendto on sd 9: No such file or directory]`
// The levels are DB1…DB9, INF, WAR, ERR, FAT, PNC.

const ZONEMINDER_PREFIX =
  /^(?:\d{4}-\d\d-\d\d|\d\d\/\d\d\/\d\d(?:\d\d)?) \d\d:\d\d:\d\d\.\d{6} ([\w.-]{1,64})\[([1-9]\d{0,8})\]\.(?:DB\d|INF|WAR|ERR|FAT|PNC)[ -]/;

/** The program and pid a ZoneMinder log line names; null for any other line. */
export function zoneMinderLogSource(text: string): { program: string; pid: number } | null {
  const m = ZONEMINDER_PREFIX.exec(text);
  return m ? { program: m[1], pid: Number(m[2]) } : null;
}
