// A structured logger's JSON record, one object per line, as Go's log/slog JSON handler, pino,
// winston's `json` format, zap and Logstash print it:
//   slog     `{"time":"2026-12-07T15:20:00.824131847Z","level":"INFO","msg":"stats","open_fds":156,"max_fds":256}`
//   pino     `{"level":30,"time":1796656717136,"pid":9185,"hostname":"vm","open_fds":51,"msg":"fd check"}`
//   winston  `{"fd_count":20,"level":"info","message":"heartbeat","timestamp":"2026-12-07T15:18:34.314Z"}`
// A record is a line that is one object with a level field and a time field: an ISO date and time
// (`time`, `timestamp`, `ts`, `@timestamp`), or pino's and zap's epoch number (milliseconds or
// seconds). Its time is the record's stamp; pino's top-level `pid` names its writer (record-pids.ts).

/** The longest line read as a record: a stats record is short. */
const MAX_RECORD = 2000;
/** A level field, a string or pino's number. */
const LEVEL_FIELD = /"(?:level|severity|lvl)":(?:"[A-Za-z]{3,9}"|\d{1,2})[,}]/;
/** An ISO time field's date and time of day. */
const ISO_TIME = /"(?:time|timestamp|ts|@timestamp)":"(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d)/;
/** An epoch time field: seconds (10 digits, a fraction allowed) or milliseconds (13 digits). */
const EPOCH_TIME = /"(?:time|timestamp|ts)":(\d{10}(?:\.\d{1,9})?|\d{13})[,}]/;

function isRecord(text: string): boolean {
  const t = text.trim();
  return t.length <= MAX_RECORD && t.startsWith('{"') && t.endsWith('}') && LEVEL_FIELD.test(t);
}

/** The record's time, `YYYY-MM-DDTHH:MM:SS` (an epoch number's in UTC); undefined for a line that is no JSON record. */
export function jsonRecordStamp(text: string): string | undefined {
  if (!isRecord(text)) return undefined;
  const iso = ISO_TIME.exec(text);
  if (iso) return `${iso[1]}T${iso[2]}`;
  const epoch = EPOCH_TIME.exec(text);
  if (!epoch) return undefined;
  const ms = epoch[1].length === 13 ? Number(epoch[1]) : Number(epoch[1]) * 1000;
  return new Date(ms).toISOString().slice(0, 19);
}
