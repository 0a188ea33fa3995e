// RFC 9457 problem details, as every Gwella API error is rendered, and helpers to
// show them in forms: a summary at the top and messages beside the fields.

export interface FieldProblem {
  field: string;
  message: string;
}

export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string | null;
  instance?: string | null;
  errors?: FieldProblem[] | null;
}

/** An error answered by the API (or a failure to reach it: status 0). */
export class ApiProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | null;
  readonly type: string | null;
  readonly errors: FieldProblem[];

  constructor(status: number, body: ProblemBody | null | undefined) {
    const title = body?.title ?? '';
    super(title || `HTTP ${status}`);
    this.name = 'ApiProblem';
    this.status = status;
    this.title = title;
    this.detail = body?.detail ?? null;
    this.type = body?.type ?? null;
    this.errors = Array.isArray(body?.errors) ? body.errors.filter(isFieldProblem) : [];
  }

  /** The message for one field, matching `field` on the last segment of a dotted path. */
  fieldMessage(name: string): string | undefined {
    return this.errors.find((e) => lastSegment(e.field) === name)?.message;
  }
}

function isFieldProblem(value: unknown): value is FieldProblem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldProblem).field === 'string' &&
    typeof (value as FieldProblem).message === 'string'
  );
}

/** `body.name` → `name`; `body.items.0.code` → `code`; `name` → `name`. */
export function lastSegment(path: string): string {
  const parts = path.split('.').filter((p) => p !== '' && !/^\d+$/.test(p));
  return parts[parts.length - 1] ?? path;
}

/** Turn whatever an API call answered with into an ApiProblem. */
export function toProblem(status: number, body: unknown): ApiProblem {
  if (typeof body === 'object' && body !== null) {
    const raw = body as Record<string, unknown>;
    // FastAPI's own validation errors ({detail: [{loc, msg}]}) in case one slips through.
    if (Array.isArray(raw.detail)) {
      const errors: FieldProblem[] = [];
      for (const item of raw.detail as unknown[]) {
        if (typeof item === 'object' && item !== null) {
          const loc = (item as { loc?: unknown }).loc;
          const msg = (item as { msg?: unknown }).msg;
          if (Array.isArray(loc) && typeof msg === 'string') {
            errors.push({ field: loc.map(String).join('.'), message: msg });
          }
        }
      }
      return new ApiProblem(status, { status, errors });
    }
    return new ApiProblem(status, raw as ProblemBody);
  }
  if (typeof body === 'string' && body.trim() !== '') {
    return new ApiProblem(status, { status, detail: body });
  }
  return new ApiProblem(status, { status });
}

/** A problem for a request that never got an answer (offline, server down). */
export function networkProblem(): ApiProblem {
  return new ApiProblem(0, { status: 0 });
}
