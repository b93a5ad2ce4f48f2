// How a redacted report says so, until the report's templates carry it themselves: the title (the
// HTML and Markdown heading, the HTML <title> and the PDF's running header) ends in "(redacted)",
// and the incident's facts open with a row that says what was replaced.
import type { AnalysisResult } from '../result.js';

export const REDACTED_TITLE_SUFFIX = ' (redacted)';

export const REDACTED_NOTE =
  'Yes: IP addresses, host names and user names are replaced by pseudonyms (192.0.2.x, 2001:db8::x, host-N, ' +
  'domain-N.example, user-N), the same in every section; secrets (passwords, tokens, keys, credentials in URLs) ' +
  'are removed. Redaction is best-effort: review before sharing.';

export function redactedTitle(title: string, result: AnalysisResult): string {
  return result.incident.redacted && !title.endsWith(REDACTED_TITLE_SUFFIX) ? title + REDACTED_TITLE_SUFFIX : title;
}

/** The report view with the redaction shown in its header and incident facts (the view of a plain result comes back as it is). */
export function markRedacted<V extends { title: string; meta: { label: string; value: string }[] }>(view: V, result: AnalysisResult): V {
  if (!result.incident.redacted) return view;
  return { ...view, title: redactedTitle(view.title, result), meta: [{ label: 'Redacted', value: REDACTED_NOTE }, ...view.meta] };
}
