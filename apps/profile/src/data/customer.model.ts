import type { CustomerState } from '@rekindle/profile-core';
import type { CustomerSnapshot } from '@rekindle/contracts';

/** A customer as the GraphQL edge and the events see it; rows never leave the data layer. */
export interface CustomerModel extends CustomerState {
  id: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface CustomerRow {
  id: string;
  external_id: string;
  email: string | null;
  phone: string | null;
  name: string | null;
  birth_date: string | null;
  gender: string | null;
  region: string | null;
  city: string | null;
  signed_up_at: Date | null;
  attributes: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
}

export function toCustomerModel(row: CustomerRow): CustomerModel {
  return {
    id: row.id,
    externalId: row.external_id,
    email: row.email,
    phone: row.phone,
    name: row.name,
    birthDate: row.birth_date,
    gender: row.gender,
    region: row.region,
    city: row.city,
    signedUpAt: row.signed_up_at?.toISOString() ?? null,
    attributes: row.attributes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toCustomerSnapshot(customer: CustomerModel): CustomerSnapshot {
  const { createdAt: _created, updatedAt: _updated, ...snapshot } = customer;
  return snapshot;
}
