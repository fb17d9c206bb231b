import type { Problem } from './types';

/** An HTTP error answered by the gateway, carrying its problem+json body. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** Seconds from a Retry-After header, when the gateway sent one. */
  readonly retryAfter: number | null;

  constructor(status: number, problem: Problem, retryAfter: number | null = null) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  /** The text meant for the user: the problem's detail, else its title. */
  get detail(): string | null {
    return this.problem.detail || this.problem.title || null;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function isUnauthorized(error: unknown): boolean {
  return isApiError(error) && error.status === 401;
}

function asProblem(body: unknown, status: number): Problem {
  if (body && typeof body === 'object') {
    const candidate = body as Record<string, unknown>;
    // FastAPI's own errors use {"detail": "..."} or {"detail": [...]}.
    const detail = typeof candidate.detail === 'string' ? candidate.detail : null;
    return { ...(candidate as Problem), detail, status };
  }
  return { status, detail: typeof body === 'string' && body ? body : null };
}

function parseRetryAfter(response: Response): number | null {
  const value = response.headers.get('Retry-After');
  if (!value) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds) : null;
}

export function toApiError(body: unknown, response: Response): ApiError {
  return new ApiError(response.status, asProblem(body, response.status), parseRetryAfter(response));
}
