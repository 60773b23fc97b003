import type { Logger } from 'drizzle-orm/logger';

export type Statement = { query: string; params: unknown[] };

/** A Drizzle logger that records the statements issued while `during` runs. */
export class StatementCapture implements Logger {
  private recording: Statement[] | null = null;

  logQuery(query: string, params: unknown[]): void {
    this.recording?.push({ query, params: [...params] });
  }

  async during<T>(body: () => Promise<T>): Promise<{ result: T; statements: Statement[] }> {
    const statements: Statement[] = [];
    this.recording = statements;
    try {
      return { result: await body(), statements };
    } finally {
      this.recording = null;
    }
  }
}
