// `ls -l` opens a listing with its `total N` line (the blocks its files use; 0 for /proc/PID/fd),
// written in the locale ls runs under: `insgesamt 0` under LANG=de_DE, `总用量 0` under an older
// zh_CN. The words are coreutils' own translations of "total", copied exactly from its
// coreutils.mo catalogues (coreutils 9.1: every locale that translates it), with the zh_CN word of
// coreutils 8 (`总用量`, 9.1 has `总计`), which pastes of CentOS 7 and Ubuntu 18.04 show.

/** ls's "total" in English and in every locale coreutils translates it (several say `total` too). */
const TOTAL_WORDS = [
  'total',
  'totaal', // af, nl
  'усяго', // be
  'общо', // bg
  'celkem', // cs
  'totalt', // da, nb, sv
  'insgesamt', // de
  'σύνολο', // el
  'totalo', // eo
  'kokku', // et
  'guztira', // eu
  'yhteensä', // fi
  'iomlán', // ga
  'sveukupno', // hr
  'összesen', // hu
  'totale', // it
  '合計', // ja
  '합계', // ko
  'omugatte', // lg
  'viso', // lt
  'jumlah', // ms
  'razem', // pl
  'итого', // ru
  'celkom', // sk
  'skupno', // sl
  'укупно', // sr
  'toplam', // tr
  'загалом', // uk
  'tổng', // vi
  '总计', // zh_CN (coreutils 9)
  '总用量', // zh_CN (coreutils 8)
  '總用量', // zh_TW
];

const LS_TOTAL = new RegExp(`^(?:${TOTAL_WORDS.join('|')}) \\d{1,15}$`);

/** Whether a line is ls -l's `total N` header, in English or in a coreutils locale (`insgesamt 0`, `总用量 0`). */
export function isLsTotal(line: string): boolean {
  return LS_TOTAL.test(line);
}
