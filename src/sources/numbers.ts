// Numbers read from a capture. A count, a pid, an fd or a limit is a whole number an integer can hold
// exactly: 400 digits would be Infinity, 20 digits lose their last ones; either would reach the report
// as "Infinity fds" or a wrong sum. Such a value is no value: the parser warns on its line.

/** At most 15 digits: below 2^53, so every value is exact. */
const COUNT = /^\d{1,15}$/;

/** The whole number `text` spells (digits only), or undefined when it spells none fdleak can use. */
export function count(text: string | undefined): number | undefined {
  return text !== undefined && COUNT.test(text) ? Number(text) : undefined;
}
