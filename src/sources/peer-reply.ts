// A "Too many open files" that a client quotes from a server's reply: the server ran out, not the
// process whose line it is.
//   Mar 29 10:58:22.919364 client02 systemd-journal-upload[26814]: Upload to https://xxx:19532/upload failed with code 500: Too many open files
//   Error response from daemon: … too many open files        (the docker CLI quoting dockerd)
// The reply's marker must come before the words that say it ran out: an HTTP 5xx status
// (`failed with code 500:`, `status code 503`, `HTTP/1.1 500`, `500 Internal Server Error`) or the
// docker CLI's `Error response from daemon:`. A gRPC status is not one: grpc-go reports its own
// failed dial as `rpc error: code = Unavailable desc = … socket: too many open files`.
import { EXHAUSTION } from './exhaustion-text.js';

const PEER_REPLY =
  /\b(?:(?:failed|returned|responded|replied)(?: with)? (?:HTTP )?(?:status )?(?:code )?5\d\d\b|status(?: code)?[:=]? ?5\d\d\b|HTTP(?:\/\d(?:\.\d)?)? 5\d\d\b|5\d\d Internal Server Error\b)|Error response from daemon:/i;

/** Whether the line's EMFILE/ENFILE words are a server's reply it quotes (the marker comes first). */
export function quotesPeerReply(text: string): boolean {
  const reply = PEER_REPLY.exec(text);
  if (!reply) return false;
  return EXHAUSTION.test(text.slice(reply.index + reply[0].length));
}
