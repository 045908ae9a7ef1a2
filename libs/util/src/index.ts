/**
 * The shared kernel: pure helpers every layer may import (cores, contracts, platform, apps, tools).
 * No I/O and no dependency on any other Rekindle library.
 *
 * - Errors: the `extensions.code` values (`ErrorCode`) and the domain errors use cases and cores
 *   throw (`InputError` with the field at fault, `NotFoundError`, `ConflictError`), which the edge
 *   turns into GraphQL errors with their code (DESIGN.md §5).
 * - Decimals and money: exact decimal text and BigInt arithmetic (`parseDecimal`, `canonicalDecimal`,
 *   `onCommonScale`, ...); money in minor units of 1/10,000 (`parseMoney`, `toMinorUnits`, `sumMoney`).
 * - Ids: `isUuid`, `canonicalUuid` (lower-case), `uuidOrThrow` (BAD_USER_INPUT naming the field).
 * - Input: `withoutNulls` (GraphQL null is "not given").
 * - Pagination: Relay connections (`pageSize`, `toConnection`) and keyset cursors (`encodeCursor`,
 *   `decodeCursor` with the kind of each key; a malformed cursor is BAD_USER_INPUT naming `after`).
 */
export { ErrorCode, DomainError, InputError, NotFoundError, ConflictError, type InputIssue } from './errors';
export {
  DECIMAL_PATTERN,
  isDecimal,
  decimalParts,
  parseDecimal,
  parseAmount,
  formatDecimal,
  canonicalDecimal,
  toScaled,
  fromScaled,
  wholeUnits,
  onCommonScale,
  type DecimalParts,
  type ExactDecimal,
} from './decimal/decimal';
export { MONEY_DECIMALS, MONEY_MAX_INTEGER_DIGITS, parseMoney, toMinorUnits, fromMinorUnits, sumMoney, orderTotal, type MoneyParse } from './decimal/money';
export { isUuid, canonicalUuid, uuidOrThrow } from './ids/uuid';
export { encodeCursor, decodeCursor, type CursorKind, type CursorValues } from './pagination/cursor';
export { pageSize, toConnection, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageArgs, type Edge, type Connection } from './pagination/connection';
export { withoutNulls } from './input/without-nulls';
