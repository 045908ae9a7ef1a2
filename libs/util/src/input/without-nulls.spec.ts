import { withoutNulls } from '../index';

describe('withoutNulls', () => {
  it('drops nulls deeply, keeping arrays and zeros', () => {
    expect(withoutNulls({ a: null, b: 0, c: [{ d: null, e: 'x' }], f: { g: null } })).toEqual({ b: 0, c: [{ e: 'x' }], f: {} });
  });
});
