// Errors the CLI reports in one line. Anything else is a bug and prints its stack.

/** The user's input cannot be read: missing path, unreadable file, corrupt archive. Exit 2. */
export class UserInputError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UserInputError';
  }
}

export const EXIT = {
  /** Analysis completed: no leak found. */
  OK: 0,
  /** Analysis completed: a leak was found, or the evidence is inconclusive. */
  FINDINGS: 1,
  /** Bad usage or unreadable input. */
  INPUT: 2,
  /** A bug in fdleak. */
  INTERNAL: 3,
} as const;
