// One error type for expected failures. Every use case throws it; one mapping turns it into an
// HTTP status and a message. Anything else is unexpected: logged with a request id, shown generically.

export type AppErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'UNAUTHENTICATED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE';

export type FieldError = { path: string; message: string };

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors: FieldError[];
  /** For RATE_LIMITED: whole seconds before trying again (the `Retry-After` header). */
  readonly retryAfterSeconds?: number;

  constructor(
    code: AppErrorCode,
    message: string,
    fieldErrors: FieldError[] = [],
    options: { retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

export function httpStatus(code: AppErrorCode): number {
  switch (code) {
    case 'VALIDATION':
      return 422;
    case 'NOT_FOUND':
      return 404;
    case 'FORBIDDEN':
      return 403;
    case 'CONFLICT':
      return 409;
    case 'RATE_LIMITED':
      return 429;
    case 'UNAUTHENTICATED':
      return 401;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 415;
    default: {
      const never: never = code;
      return never;
    }
  }
}

export const notFound = (what = 'The page or record') => new AppError('NOT_FOUND', `${what} was not found.`);
export const forbidden = (message = 'You do not have permission to do this.') => new AppError('FORBIDDEN', message);
export const conflict = (message: string) => new AppError('CONFLICT', message);
export const rateLimited = (retryAfterSeconds: number, message = 'Too many requests. Wait a moment and try again.') =>
  new AppError('RATE_LIMITED', message, [], { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });
export const invalid = (fieldErrors: FieldError[], message = 'There is a problem with the information you entered.') =>
  new AppError('VALIDATION', message, fieldErrors);
