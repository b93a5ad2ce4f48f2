/**
 * glibc's strerror(EMFILE) and strerror(ENFILE) in the locales a log may be written in: a JVM,
 * Python or C program running under `LANG=de_DE.UTF-8` prints `java.io.IOException: Zu viele
 * offene Dateien` where an English system says "Too many open files". The texts are glibc's own
 * translations, copied exactly from its libc.mo catalogues (glibc 2.36: every locale that
 * translates them, typos and all — el's ENFILE lacks an accent, sl's ENFILE spells the word
 * differently from its EMFILE).
 */

/** Locale, strerror(EMFILE), strerror(ENFILE). */
const GLIBC_TEXTS: readonly (readonly [string, string, string])[] = [
  ['bg', 'Твърде много отворени файлове', 'Твърде много отворени файлове в системата'],
  ['ca', 'El procés té massa fitxers oberts', 'El sistema té massa fitxers oberts'],
  ['cs', 'Překročen limit počtu otevřených souborů', 'V celém systému je příliš mnoho otevřených souborů'],
  ['da', 'For mange åbne filer', 'For mange åbne filer i systemet'],
  ['de', 'Zu viele offene Dateien', 'Zu viele offene Dateien im System'],
  ['el', 'Υπερβολικά πολλά ανοικτά αρχεία', 'Υπερβολικα πολλά ανοικτά αρχεία στο σύστημα'],
  ['eo', 'Tro da malfermaj dosieroj', 'Tro da malfermaj dosieroj en sistemo'],
  ['es', 'Demasiados ficheros abiertos', 'Demasiados ficheros abiertos en el sistema'],
  ['fi', 'Liian monta avointa tiedostoa', 'Liian monta avointa tiedostoa järjestelmässä'],
  ['fr', 'Trop de fichiers ouverts', 'Trop de fichiers ouverts dans le système'],
  ['gl', 'Demasiados ficheiros abertos', 'Demasiados ficheiros abertos no sistema'],
  ['hr', 'Previše otvorenih datoteka', 'Previše otvorenih datoteka u sustavu'],
  ['hu', 'Túl sok nyitott fájl', 'Túl sok nyitott fájl a rendszerben'],
  ['id', 'Terlalu banyak berkas terbuka', 'Terlalu banyak berkas terbuka dalam sistem'],
  ['it', 'Troppi file aperti', 'Troppi file aperti nel sistema'],
  ['ja', 'ファイルを開きすぎです', 'システム中のファイルを開きすぎです'],
  ['ko', '열린 파일이 너무 많음', '시스템에 파일을 너무 많이 열었음'],
  ['lt', 'Per daug atvertų failų', 'Sistemoje per daug atvertų failų'],
  ['nb', 'For mange åpne filer', 'For mange åpne filer i systemet'],
  ['nl', 'Te veel open bestanden', 'Te veel open bestanden in systeem'],
  ['pl', 'Za dużo otwartych plików', 'Za dużo otwartych plików w systemie'],
  ['pt', 'Demasiados ficheiros abertos', 'Demasiados ficheiros abertos no sistema'],
  ['pt_BR', 'Muitos arquivos abertos', 'Muitos arquivos abertos no sistema'],
  ['ru', 'Слишком много открытых файлов', 'Слишком много открытых файлов в системе'],
  ['sk', 'Priveľa otvorených súborov', 'Priveľa otvorených súborov v systéme'],
  ['sl', 'Preveč odpretih datotek', 'Preveč odprtih datotek v sistemu'],
  ['sr', 'Превише отворених датотека', 'Превише отворених датотека у систему'],
  ['sv', 'För många öppna filer', 'För många öppna filer i systemet'],
  ['tr', 'Çok fazla açık dosya var', 'Sistemde çok fazla açık dosya var'],
  ['uk', 'Забагато відкритих файлів', 'У системі забагато відкритих файлів'],
  ['vi', 'Quá nhiều tập tin đang mở', 'Quá nhiều tập tin còn đang mở trong hệ thống'],
  ['zh_CN', '打开的文件过多', '系统中打开的文件过多'],
  ['zh_TW', '開啟太多檔案', '系統中太多的開啟檔案'],
];

/** A regular expression of literal texts, one alternative each (no quantifier: linear). */
function literals(texts: readonly string[]): RegExp {
  return new RegExp(texts.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
}

/** strerror(ENFILE): the host's file table is full. */
export const LOCALIZED_ENFILE = literals(GLIBC_TEXTS.map(([, , enfile]) => enfile));

/**
 * Any of the two: a process ran out. ENFILE's text is listed whole, since in some locales it does
 * not hold EMFILE's (ca `El sistema té massa fitxers oberts`, uk `У системі забагато …`, zh_TW
 * `系統中太多的開啟檔案`); LOCALIZED_ENFILE tells the two apart.
 */
export const LOCALIZED_EMFILE = literals(GLIBC_TEXTS.flatMap(([, emfile, enfile]) => [enfile, emfile]));
