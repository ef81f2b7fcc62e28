/** A refusal the panel answers with its own status and Chinese message (the app's error handler sends it). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
