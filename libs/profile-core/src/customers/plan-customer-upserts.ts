import { CUSTOMER_FIELDS, type CustomerField, type CustomerPatch, type CustomerState } from './customer-state';

export interface ExistingCustomer {
  id: string;
  state: CustomerState;
}

export type UpsertPlanItem =
  | { index: number; kind: 'create'; state: CustomerState }
  | { index: number; kind: 'update'; id: string; state: CustomerState; changedFields: CustomerField[] }
  | { index: number; kind: 'unchanged'; id: string; state: CustomerState };

/** A customer Rekindle knows nothing about yet but the partner's id. */
export const emptyCustomerState = (externalId: string): CustomerState => ({
  externalId,
  email: null,
  phone: null,
  name: null,
  birthDate: null,
  gender: null,
  region: null,
  city: null,
  signedUpAt: null,
  attributes: {},
});

/**
 * Decides, for each patch, whether it creates a customer, changes one (and which fields), or
 * changes nothing, so a retried call is reported as unchanged and emits no event.
 */
export function planCustomerUpserts(patches: readonly CustomerPatch[], existing: ReadonlyMap<string, ExistingCustomer>): UpsertPlanItem[] {
  return patches.map((patch, index) => {
    const current = existing.get(patch.externalId);
    if (!current) return { index, kind: 'create', state: applyPatch(emptyCustomerState(patch.externalId), patch) };
    const next = applyPatch(current.state, patch);
    const changedFields = CUSTOMER_FIELDS.filter((field) => !sameValue(current.state[field], next[field]));
    return changedFields.length === 0
      ? { index, kind: 'unchanged', id: current.id, state: current.state }
      : { index, kind: 'update', id: current.id, state: next, changedFields };
  });
}

function applyPatch(state: CustomerState, patch: CustomerPatch): CustomerState {
  const next: CustomerState = { ...state };
  for (const field of CUSTOMER_FIELDS) {
    if (!(field in patch) || field === 'attributes') continue;
    (next as unknown as Record<string, unknown>)[field] = patch[field] ?? null;
  }
  if (patch.attributes === null) next.attributes = {};
  else if (patch.attributes) next.attributes = mergeAttributes(state.attributes, patch.attributes);
  return next;
}

function mergeAttributes(current: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && canonical(a) === canonical(b);
}

/** JSON with sorted keys, so attribute objects compare by content, not key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
