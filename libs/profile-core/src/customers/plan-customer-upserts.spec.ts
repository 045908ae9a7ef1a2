import { planCustomerUpserts, type CustomerState, type ExistingCustomer } from '../index';

const ann: CustomerState = {
  externalId: 'ann',
  email: 'ann@example.com',
  phone: null,
  name: 'Ann',
  birthDate: '1990-02-03',
  gender: null,
  region: 'North',
  city: null,
  signedUpAt: '2020-01-01T00:00:00.000Z',
  attributes: { tier: 'gold', source: 'shop' },
};
const existing = new Map<string, ExistingCustomer>([['ann', { id: 'id-ann', state: ann }]]);

describe('planCustomerUpserts', () => {
  it('creates unknown customers with every unsent field empty', () => {
    const [item] = planCustomerUpserts([{ externalId: 'bob', name: 'Bob' }], existing);
    expect(item).toEqual({
      index: 0,
      kind: 'create',
      state: { ...ann, externalId: 'bob', name: 'Bob', email: null, birthDate: null, region: null, signedUpAt: null, attributes: {} },
    });
  });

  it('reports a repeat of the same values as unchanged', () => {
    const [item] = planCustomerUpserts([{ externalId: 'ann', name: 'Ann', attributes: { source: 'shop', tier: 'gold' } }], existing);
    expect(item).toMatchObject({ kind: 'unchanged', id: 'id-ann' });
  });

  it('changes only the fields sent, clears nulls, and merges attributes', () => {
    const [item] = planCustomerUpserts([{ externalId: 'ann', region: null, city: 'Leeds', attributes: { tier: null, vip: true } }], existing);
    expect(item).toEqual({
      index: 0,
      kind: 'update',
      id: 'id-ann',
      changedFields: ['region', 'city', 'attributes'],
      state: { ...ann, region: null, city: 'Leeds', attributes: { source: 'shop', vip: true } },
    });
  });

  it('clears all attributes when attributes is sent as null', () => {
    const [item] = planCustomerUpserts([{ externalId: 'ann', attributes: null }], existing);
    expect(item).toMatchObject({ kind: 'update', changedFields: ['attributes'], state: { attributes: {} } });
  });
});
