// How a redacted report says so: the title (the HTML and Markdown heading, the HTML <title> and the
// PDF's running header) ends in "(redacted)", and a note under it says what was replaced.
import type { AnalysisResult } from '../result.js';

const REDACTED_TITLE_SUFFIX = ' (redacted)';

export const REDACTED_NOTE =
  'IP addresses, host names and user names are replaced by pseudonyms (192.0.2.x, 2001:db8::x, host-N, ' +
  'domain-N.example, user-N), the same in every section; secrets (passwords, tokens, keys, credentials in URLs) ' +
  'are removed. Redaction is best-effort: review before sharing.';

export function redactedTitle(title: string, result: AnalysisResult): string {
  return result.incident.redacted && !title.endsWith(REDACTED_TITLE_SUFFIX) ? title + REDACTED_TITLE_SUFFIX : title;
}
