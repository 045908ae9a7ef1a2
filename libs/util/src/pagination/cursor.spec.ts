import { decodeCursor, encodeCursor, InputError, pageSize, toConnection } from '../index';

const cursorOf = (keys: unknown[]) => Buffer.from(JSON.stringify(keys)).toString('base64url');

describe('keyset cursors', () => {
  it('decodes what it encoded, each key as its kind', () => {
    const keys = ['2011-12-09T12:50:00.000Z', '0F8FAD5B-D9CB-469F-A165-70867728950E', 42, 'ev-1'];
    expect(decodeCursor(encodeCursor(keys), ['timestamp', 'uuid', 'integer', 'text'])).toEqual([
      '2011-12-09T12:50:00.000Z',
      '0f8fad5b-d9cb-469f-a165-70867728950e',
      42,
      'ev-1',
    ]);
  });

  it.each([
    ['not base64 JSON', 'not-a-cursor'],
    ['not an array', Buffer.from('{"a":1}').toString('base64url')],
    ['too few keys', cursorOf(['2011-12-09T12:50:00.000Z'])],
    ['too many keys', cursorOf(['2011-12-09T12:50:00.000Z', '0f8fad5b-d9cb-469f-a165-70867728950e', 1])],
    ['a timestamp that is not one', cursorOf(['yesterday', '0f8fad5b-d9cb-469f-a165-70867728950e'])],
    ['a timestamp in another format', cursorOf(['2011-12-09 12:50:00', '0f8fad5b-d9cb-469f-a165-70867728950e'])],
    ['a day that does not exist', cursorOf(['2011-02-30T00:00:00.000Z', '0f8fad5b-d9cb-469f-a165-70867728950e'])],
    ['year 0, before timestamptz', cursorOf(['0000-01-01T00:00:00.000Z', '0f8fad5b-d9cb-469f-a165-70867728950e'])],
    ['an id that is not a UUID', cursorOf(['2011-12-09T12:50:00.000Z', 'x'])],
    ['a number where an id belongs', cursorOf(['2011-12-09T12:50:00.000Z', 7])],
    ['a huge cursor', 'A'.repeat(2000)],
  ])('refuses %s as BAD_USER_INPUT naming the argument', (_what, cursor) => {
    let error: unknown;
    try {
      decodeCursor(cursor, ['timestamp', 'uuid']);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).details).toMatchObject({ field: 'after' });
  });

  it('refuses integers that are not safe and text with NUL', () => {
    expect(() => decodeCursor(cursorOf([1.5]), ['integer'])).toThrow(InputError);
    expect(() => decodeCursor(cursorOf([2 ** 60]), ['integer'])).toThrow(InputError);
    expect(() => decodeCursor(cursorOf(['a\u0000b']), ['text'])).toThrow(InputError);
  });

  it('names another argument when told', () => {
    expect(() => decodeCursor('x', ['integer'], 'before')).toThrow('before: is not a cursor this list gave out');
  });
});

describe('connections', () => {
  it('bounds the page size', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(() => pageSize(0)).toThrow(InputError);
    expect(() => pageSize(101)).toThrow(InputError);
  });

  it('pages rows fetched with one extra', () => {
    const connection = toConnection([{ n: 1 }, { n: 2 }, { n: 3 }], 2, (row) => [row.n]);
    expect(connection.edges.map((e) => e.node.n)).toEqual([1, 2]);
    expect(connection.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(connection.pageInfo.endCursor!, ['integer'])).toEqual([2]);
  });
});
