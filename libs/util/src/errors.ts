/** `extensions.code` values every subgraph and the gateway use (DESIGN.md §5). */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One thing wrong with an input: the field at fault (a path such as `customers[3].email`) and why. */
export interface InputIssue {
  field: string;
  message: string;
  /** Position of the item in a batch, where the input is one. */
  index?: number;
}

/** Domain errors: thrown by use cases and cores, turned into GraphQL errors with their code at the edge. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InputError extends DomainError {
  constructor(readonly issues: InputIssue[]) {
    super(ErrorCode.BAD_USER_INPUT, issues.map((i) => `${i.field}: ${i.message}`).join('; '), {
      field: issues[0]?.field,
      issues,
    });
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id: string) {
    super(ErrorCode.NOT_FOUND, `${entity} ${id} was not found`, { entity, id });
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(ErrorCode.CONFLICT, message, details);
  }
}
