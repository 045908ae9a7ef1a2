/**
 * Reads the input path out of graphql-js's messages about bad input values (variable coercion and
 * literal validation), so a partner learns which item and field to fix:
 *   Variable "$input" got invalid value {…} at "input.customers[3]"; Field "foo" is not defined by type "CustomerInput".
 *   → customers[3].foo
 * Paths under the `$input` variable (the mutation input convention) are given relative to it, like
 * the fields of an InputError; other variables keep their name (`filter.search`, `ids[2]`).
 */
export interface InputValueError {
  /** Undefined when the message names no field (a bad literal somewhere in the document). */
  field?: string;
}

const INPUT_VARIABLE = 'input';
const PATH = String.raw`\w+(?:\.\w+|\[\d+\])*`;
// Greedy `.*`: the printed value may itself contain ` at "…"; `, the real path is the last one.
const COERCION_AT_PATH = new RegExp(String.raw`^Variable "\$(\w+)" got invalid value .* at "(${PATH})"; (.*)$`, 's');
const COERCION_AT_ROOT = /^Variable "\$(\w+)" got invalid value .*$/s;
const VARIABLE_MISSING = /^Variable "\$(\w+)" of (?:required|non-null) type "[^"]+" (?:was not provided|must not be null)\.$/;
// The field a coercion message blames, when the problem is an unknown or a missing field of an object.
const FIELD_AT_FAULT = /(?:^|; )Field "(?:\w+\.)?(\w+)" (?:is not defined by type "\w+"\.|of required type "[^"]+" was not provided\.)[^;]*$/s;
// Literal arguments rejected by validation: the message names no path, at most the field.
const LITERAL = /^(?:Field "(?:\w+\.)?\w+" (?:is not defined by type|of required type)|Expected value of type |\w+ cannot represent |Value "[^"]*" does not exist in "\w+" enum)/;

function relativeTo(variable: string, path: string): string {
  const rest = path.slice(variable.length);
  if (variable === INPUT_VARIABLE) return rest.startsWith('.') ? rest.slice(1) : rest;
  return `${variable}${rest}`;
}

const join = (base: string, field: string | undefined) => (field === undefined ? base : base ? `${base}.${field}` : field);

export function inputValueError(message: string): InputValueError | undefined {
  const atPath = COERCION_AT_PATH.exec(message);
  if (atPath) {
    const [, variable = '', path = '', detail = ''] = atPath;
    const field = join(relativeTo(variable, path), FIELD_AT_FAULT.exec(detail)?.[1]);
    return { field: field || variable };
  }
  const atRoot = COERCION_AT_ROOT.exec(message);
  if (atRoot) {
    const variable = atRoot[1] ?? '';
    const field = join(variable === INPUT_VARIABLE ? '' : variable, FIELD_AT_FAULT.exec(message)?.[1]);
    return { field: field || variable };
  }
  const missing = VARIABLE_MISSING.exec(message);
  if (missing) return { field: missing[1] };
  if (LITERAL.test(message)) {
    const field = FIELD_AT_FAULT.exec(message)?.[1];
    return field === undefined ? {} : { field };
  }
  return undefined;
}
