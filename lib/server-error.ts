const PREFIX = 'Something went wrong on our side.';

/**
 * What a client is told about an unexpected server failure: no internal detail, and a
 * reference under which the detail is in the server log.
 */
export function serverErrorMessage(reference: string): string {
  return `${PREFIX} Please try again; if it keeps happening, tell support the reference ${reference}.`;
}

export function isServerErrorMessage(message: string | null | undefined): boolean {
  return typeof message === 'string' && message.startsWith(PREFIX);
}
