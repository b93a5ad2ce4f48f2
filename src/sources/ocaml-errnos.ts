/**
 * OCaml's `Unix.Unix_error` printed by Printexc's generic printer (a program that logs the
 * exception without registering the Unix module's printer, as xapi's daemons do): a constant
 * constructor shows as its index in `Unix.error` (E2BIG 0, EACCES 1, … EISDIR 14, EMFILE 15,
 * EMLINK 16, ENAMETOOLONG 17, ENFILE 18). squeezed's `Caught Unix.Unix_error(15, "socket", "")`
 * is socket() failing with EMFILE. With the printer the line says `Unix.Unix_error(Unix.EMFILE,
 * "socket", "")`, whose errno name is read as any other.
 */
export const OCAML_EMFILE = /\bUnix_error\(15, "/;
export const OCAML_ENFILE = /\bUnix_error\(18, "/;
