/** The one error the language-model port may throw for an expected fault; the answer service turns it into a fallback. */

/** An expected fault of the language model (rate limit, overload, timeout, bad key…), with a reason fit to show. */
export class LlmFailure extends Error {
  override readonly name = 'LlmFailure';
  constructor(
    /** Short human reason, e.g. "Claude is overloaded (529)". */
    readonly reason: string,
    /** HTTP status when the API answered with one. */
    readonly status?: number,
  ) {
    super(reason);
  }
}
