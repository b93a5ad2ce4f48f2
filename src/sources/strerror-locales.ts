/**
 * glibc's strerror(EMFILE) and strerror(ENFILE) in the locales a log is most often written in: a
 * JVM, Python or C program running under `LANG=de_DE.UTF-8` prints `java.io.IOException: Zu viele
 * offene Dateien` where an English system says "Too many open files". The texts are glibc's own
 * translations (libc.mo of de, fr, es, it, pt_BR, ru, zh_CN, ja, nl, pl), copied exactly.
 */

/** strerror(ENFILE): the EMFILE text followed by "in system". */
export const LOCALIZED_ENFILE =
  /Zu viele offene Dateien im System|Trop de fichiers ouverts dans le système|Demasiados ficheros abiertos en el sistema|Troppi file aperti nel sistema|Muitos arquivos abertos no sistema|Слишком много открытых файлов в системе|系统中打开的文件过多|システム中のファイルを開きすぎです|Te veel open bestanden in systeem|Za dużo otwartych plików w systemie/;

/** strerror(EMFILE) (also the start of ENFILE's text, which LOCALIZED_ENFILE tells apart). */
export const LOCALIZED_EMFILE =
  /Zu viele offene Dateien|Trop de fichiers ouverts|Demasiados ficheros abiertos|Troppi file aperti|Muitos arquivos abertos|Слишком много открытых файлов|打开的文件过多|ファイルを開きすぎです|Te veel open bestanden|Za dużo otwartych plików/;
