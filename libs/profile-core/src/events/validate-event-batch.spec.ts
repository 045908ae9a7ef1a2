import { MAX_EVENTS_PER_CALL, MAX_ORDER_LINES, validateEventBatch, type EventBatchValidation } from '../index';

const now = new Date('2011-12-10T00:00:00Z');
const base = (eventId: string, extra: Record<string, unknown>) => ({
  eventId,
  customerExternalId: '17850',
  occurredAt: '2011-12-01T08:26:00Z',
  ...extra,
});
const order = (lines: unknown[]) => base('o-1', { type: 'ORDER_PLACED', orderPlaced: { orderId: '536365', currency: 'GBP', lines } });

function valid(result: EventBatchValidation) {
  if (!result.ok) throw new Error(`batch refused: ${JSON.stringify(result.issues)}`);
  return result;
}
const messagesOf = (items: unknown[]) => valid(validateEventBatch(items, now)).rejected.flatMap((r) => r.issues.map((i) => `${i.field} ${i.message}`));

describe('validateEventBatch: every type', () => {
  it('accepts and normalises one event of each type', () => {
    const items = [
      base('e0', { type: 'LOGIN' }),
      base('e1', { type: 'LOGIN', login: { channel: ' ios ' } }),
      base('e2', { type: 'PAGE_VIEW', pageView: { path: '/gifts', depth: 0 } }),
      base('e3', { type: 'SEARCH', search: { query: ' lantern ' } }),
      base('e4', { type: 'ADD_TO_CART', addToCart: { productId: '85123A', quantity: 2 } }),
      base('e5', { type: 'ORDER_CANCELLED', orderCancelled: { orderId: 'C536379', amount: '27.50' } }),
      base('e6', { type: 'ORDER_REFUNDED', orderRefunded: { orderId: '536365', amount: 3 } }),
      base('e7', { type: 'COMPLAINT_OPENED', complaintOpened: { ticketId: 't1', topic: 'late delivery' } }),
      base('e8', { type: 'COMPLAINT_RESOLVED', complaintResolved: { ticketId: 't1', topic: 'late delivery' } }),
      base('e9', { type: 'REVIEW_SUBMITTED', reviewSubmitted: { productId: '85123A', rating: 5 } }),
      base('e10', { type: 'CONTENT_SHARED', contentShared: { channel: 'facebook' } }),
      base('e11', { type: 'SOCIAL_INTERACTION', socialInteraction: { kind: 'like' } }),
      base('e12', { type: 'CUSTOM', custom: { name: 'wishlist_added', properties: { sku: '85123A' } } }),
      base('e13', { type: 'CUSTOM', custom: { name: 'ping' } }),
      base('e14', {
        type: 'ORDER_PLACED',
        orderPlaced: {
          orderId: '536365',
          currency: 'GBP',
          lines: [
            { productId: '85123A', quantity: 6, unitPrice: '2.55' },
            { productId: '71053', category: 'Lighting', quantity: 6, unitPrice: 3.39 },
            { productId: '85123A', category: null, quantity: 1, unitPrice: '0.0' },
          ],
        },
      }),
    ];
    const result = valid(validateEventBatch(items, now));
    expect(result.rejected).toEqual([]);
    expect(result.accepted.map((e) => [e.index, e.type, e.data])).toEqual([
      [0, 'LOGIN', { channel: null }],
      [1, 'LOGIN', { channel: 'ios' }],
      [2, 'PAGE_VIEW', { path: '/gifts', depth: 0 }],
      [3, 'SEARCH', { query: 'lantern' }],
      [4, 'ADD_TO_CART', { productId: '85123A', quantity: 2 }],
      [5, 'ORDER_CANCELLED', { orderId: 'C536379', amount: '27.5' }],
      [6, 'ORDER_REFUNDED', { orderId: '536365', amount: '3' }],
      [7, 'COMPLAINT_OPENED', { ticketId: 't1', topic: 'late delivery' }],
      [8, 'COMPLAINT_RESOLVED', { ticketId: 't1', topic: 'late delivery' }],
      [9, 'REVIEW_SUBMITTED', { productId: '85123A', rating: 5 }],
      [10, 'CONTENT_SHARED', { channel: 'facebook' }],
      [11, 'SOCIAL_INTERACTION', { kind: 'like' }],
      [12, 'CUSTOM', { name: 'wishlist_added', properties: { sku: '85123A' } }],
      [13, 'CUSTOM', { name: 'ping', properties: {} }],
      [
        14,
        'ORDER_PLACED',
        {
          orderId: '536365',
          currency: 'GBP',
          total: '35.64',
          lines: [
            { productId: '85123A', category: null, quantity: 6, unitPrice: '2.55' },
            { productId: '71053', category: 'Lighting', quantity: 6, unitPrice: '3.39' },
            { productId: '85123A', category: null, quantity: 1, unitPrice: '0' },
          ],
        },
      ],
    ]);
  });

  it('normalises the envelope: trimmed ids, occurredAt in UTC, Date objects from the DateTime scalar', () => {
    const result = valid(
      validateEventBatch(
        [
          { eventId: ' a ', customerExternalId: ' 17850 ', type: 'LOGIN', occurredAt: '2011-12-01T09:26:00+01:00', login: null },
          { eventId: 'b', customerExternalId: 'x', type: 'LOGIN', occurredAt: new Date('2011-12-01T08:26:00Z'), pageView: null },
        ],
        now,
      ),
    );
    expect(result.accepted).toEqual([
      { index: 0, eventId: 'a', customerExternalId: '17850', occurredAt: '2011-12-01T08:26:00.000Z', type: 'LOGIN', data: { channel: null } },
      { index: 1, eventId: 'b', customerExternalId: 'x', occurredAt: '2011-12-01T08:26:00.000Z', type: 'LOGIN', data: { channel: null } },
    ]);
  });
});

describe('validateEventBatch: rejection per item', () => {
  it('rejects a bad item alone and keeps the good ones, with the code and a message naming the field', () => {
    const result = valid(
      validateEventBatch(
        [
          base('ok-1', { type: 'LOGIN' }),
          order([{ productId: 'p', quantity: 1, unitPrice: '-1' }]),
          base('ok-2', { type: 'SEARCH', search: { query: 'mug' } }),
        ],
        now,
      ),
    );
    expect(result.accepted.map((e) => e.index)).toEqual([0, 2]);
    expect(result.rejected).toEqual([
      {
        index: 1,
        code: 'BAD_USER_INPUT',
        field: 'events[1].orderPlaced.lines[0].unitPrice',
        message: 'events[1].orderPlaced.lines[0].unitPrice must not be negative',
        issues: [{ index: 1, field: 'events[1].orderPlaced.lines[0].unitPrice', message: 'must not be negative' }],
      },
    ]);
  });

  it('reports every problem of an item in one rejection', () => {
    const result = valid(validateEventBatch([{ eventId: '', customerExternalId: '  ', type: 'LOGIN', occurredAt: 'yesterday' }], now));
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]?.issues.map((i) => `${i.field} ${i.message}`)).toEqual([
      'events[0].eventId must not be empty',
      'events[0].customerExternalId must not be empty',
      'events[0].occurredAt must be an ISO-8601 timestamp with a time zone',
    ]);
    expect(result.rejected[0]?.message).toBe(
      'events[0].eventId must not be empty; events[0].customerExternalId must not be empty; events[0].occurredAt must be an ISO-8601 timestamp with a time zone',
    );
  });

  it('checks the envelope fields', () => {
    expect(
      messagesOf([
        { customerExternalId: 'c', type: 'LOGIN', occurredAt: now },
        base('x'.repeat(201), { type: 'LOGIN' }),
        base('e', { type: 'PURCHASE' }),
        base('e', { type: 'toString' }),
        base('e', { type: 'LOGIN', occurredAt: '2011-12-01T08:26:00' }),
        base('e', { type: 'LOGIN', occurredAt: new Date('nonsense') }),
        base('e', { type: 'LOGIN', occurredAt: 1323000000000 }),
        base('e', { type: 'LOGIN', nickname: 'Al' }),
        null,
        'LOGIN',
      ]),
    ).toEqual([
      'events[0].eventId is required',
      'events[1].eventId must be at most 200 characters',
      'events[2].type must be one of LOGIN, PAGE_VIEW, SEARCH, ADD_TO_CART, ORDER_PLACED, ORDER_CANCELLED, ORDER_REFUNDED, COMPLAINT_OPENED, COMPLAINT_RESOLVED, REVIEW_SUBMITTED, CONTENT_SHARED, SOCIAL_INTERACTION, CUSTOM',
      'events[3].type must be one of LOGIN, PAGE_VIEW, SEARCH, ADD_TO_CART, ORDER_PLACED, ORDER_CANCELLED, ORDER_REFUNDED, COMPLAINT_OPENED, COMPLAINT_RESOLVED, REVIEW_SUBMITTED, CONTENT_SHARED, SOCIAL_INTERACTION, CUSTOM',
      'events[4].occurredAt must be an ISO-8601 timestamp with a time zone',
      'events[5].occurredAt must be an ISO-8601 timestamp with a time zone',
      'events[6].occurredAt must be an ISO-8601 timestamp with a time zone',
      'events[7].nickname is not a known field',
      'events[8] must be an object',
      'events[9] must be an object',
    ]);
  });

  it('allows occurredAt up to exactly 5 minutes ahead and from exactly 1990-01-01', () => {
    const at = (occurredAt: Date | string) => base(new Date(occurredAt).toISOString(), { type: 'LOGIN', occurredAt });
    const result = valid(
      validateEventBatch(
        [
          at(new Date(now.getTime() + 5 * 60_000)),
          at(new Date(now.getTime() + 5 * 60_000 + 1)),
          at('1990-01-01T00:00:00Z'),
          at('1989-12-31T23:59:59.999Z'),
        ],
        now,
      ),
    );
    expect(result.accepted.map((e) => e.index)).toEqual([0, 2]);
    expect(result.rejected.map((r) => r.message)).toEqual([
      'events[1].occurredAt must not be more than 5 minutes in the future',
      'events[3].occurredAt must not be before 1990-01-01',
    ]);
  });

  it('requires the typed part named for the type and no other', () => {
    expect(
      messagesOf([
        base('a', { type: 'ORDER_PLACED' }),
        base('b', { type: 'PAGE_VIEW', pageView: null }),
        base('c', { type: 'SEARCH', search: { query: 'x' }, pageView: { path: '/', depth: 1 } }),
        base('d', { type: 'LOGIN', custom: { name: 'x' } }),
        base('e', { type: 'SEARCH', search: 'mug' }),
        base('f', { type: 'SEARCH', search: { query: 'x', depth: 2 } }),
      ]),
    ).toEqual([
      'events[0].orderPlaced is required for type ORDER_PLACED',
      'events[1].pageView is required for type PAGE_VIEW',
      'events[2].pageView must be absent for type SEARCH',
      'events[3].custom must be absent for type LOGIN',
      'events[4].search must be an object',
      'events[5].search.depth is not a known field',
    ]);
  });

  it('checks the fields of each typed part', () => {
    expect(
      messagesOf([
        base('a', { type: 'PAGE_VIEW', pageView: { path: '', depth: -1 } }),
        base('b', { type: 'PAGE_VIEW', pageView: { path: '/', depth: 1.5 } }),
        base('c', { type: 'SEARCH', search: { query: '   ' } }),
        base('d', { type: 'ADD_TO_CART', addToCart: { productId: 'p', quantity: 0 } }),
        base('e', { type: 'ORDER_CANCELLED', orderCancelled: { orderId: 'o', amount: '1.00001' } }),
        base('f', { type: 'ORDER_REFUNDED', orderRefunded: { orderId: 'o' } }),
        base('g', { type: 'COMPLAINT_OPENED', complaintOpened: { ticketId: 't' } }),
        base('h', { type: 'REVIEW_SUBMITTED', reviewSubmitted: { productId: 'p', rating: 0 } }),
        base('i', { type: 'REVIEW_SUBMITTED', reviewSubmitted: { productId: 'p', rating: 6 } }),
        base('j', { type: 'REVIEW_SUBMITTED', reviewSubmitted: { productId: 'p', rating: 4.5 } }),
        base('k', { type: 'REVIEW_SUBMITTED', reviewSubmitted: { productId: 'p', rating: '5' } }),
        base('l', { type: 'CONTENT_SHARED', contentShared: { channel: '' } }),
        base('m', { type: 'SOCIAL_INTERACTION', socialInteraction: {} }),
        base('n', { type: 'CUSTOM', custom: { name: 'big', properties: { blob: 'x'.repeat(20_000) } } }),
        base('o', { type: 'CUSTOM', custom: { name: 'list', properties: [1, 2] } }),
        base('p', { type: 'LOGIN', login: { channel: 7 } }),
      ]),
    ).toEqual([
      'events[0].pageView.path must not be empty',
      'events[0].pageView.depth must not be negative',
      'events[1].pageView.depth must be a whole number',
      'events[2].search.query must not be empty',
      'events[3].addToCart.quantity must be at least 1',
      'events[4].orderCancelled.amount must have at most 4 decimals, got "1.00001"',
      'events[5].orderRefunded.amount must be a decimal amount (a string such as "12.50" or a number)',
      'events[6].complaintOpened.topic is required',
      'events[7].reviewSubmitted.rating must be from 1 to 5',
      'events[8].reviewSubmitted.rating must be from 1 to 5',
      'events[9].reviewSubmitted.rating must be a whole number',
      'events[10].reviewSubmitted.rating must be a number',
      'events[11].contentShared.channel must not be empty',
      'events[12].socialInteraction.kind is required',
      'events[13].custom.properties must be at most 16384 bytes of JSON',
      'events[14].custom.properties must be an object',
      'events[15].login.channel must be a string',
    ]);
  });

  it('checks orders: currency, lines, quantities and prices', () => {
    const line = { productId: 'p', quantity: 1, unitPrice: '1' };
    expect(
      messagesOf([
        base('a', { type: 'ORDER_PLACED', orderPlaced: { orderId: 'o', currency: 'gbp', lines: [line] } }),
        base('b', { type: 'ORDER_PLACED', orderPlaced: { orderId: 'o', currency: 'POUND', lines: [line] } }),
        base('c', { type: 'ORDER_PLACED', orderPlaced: { orderId: '', currency: 'GBP', lines: [] } }),
        base('d', {
          type: 'ORDER_PLACED',
          orderPlaced: {
            orderId: 'o',
            currency: 'GBP',
            lines: [line, { productId: 'p', quantity: -6, unitPrice: '2.55' }, { productId: 'p', quantity: 2.5, unitPrice: 1.23456 }],
          },
        }),
        base('e', { type: 'ORDER_PLACED', orderPlaced: { orderId: 'o', currency: 'GBP', lines: Array(MAX_ORDER_LINES + 1).fill(line) } }),
      ]),
    ).toEqual([
      'events[0].orderPlaced.currency must be an ISO-4217 code of 3 upper-case letters, such as GBP',
      'events[1].orderPlaced.currency must be an ISO-4217 code of 3 upper-case letters, such as GBP',
      'events[2].orderPlaced.orderId must not be empty',
      'events[2].orderPlaced.lines must hold at least one line',
      'events[3].orderPlaced.lines[1].quantity must be at least 1',
      'events[3].orderPlaced.lines[2].quantity must be a whole number',
      'events[3].orderPlaced.lines[2].unitPrice must have at most 4 decimals, got "1.23456"',
      'events[4].orderPlaced.lines must hold at most 1000 lines',
    ]);
  });

  it('accepts an order of exactly 1,000 lines', () => {
    const lines = Array.from({ length: MAX_ORDER_LINES }, () => ({ productId: 'p', quantity: 1, unitPrice: '0.1' }));
    const [event] = valid(validateEventBatch([order(lines)], now)).accepted;
    expect(event?.type === 'ORDER_PLACED' && event.data.total).toBe('100');
  });
});

describe('validateEventBatch: duplicates and batch limits', () => {
  it('rejects the second of two items with the same eventId as DUPLICATE_IN_BATCH', () => {
    const result = valid(
      validateEventBatch(
        [base('e1', { type: 'LOGIN' }), base('e2', { type: 'LOGIN' }), base(' e1 ', { type: 'SEARCH', search: { query: 'x' } })],
        now,
      ),
    );
    expect(result.accepted.map((e) => e.index)).toEqual([0, 1]);
    expect(result.rejected).toEqual([
      {
        index: 2,
        code: 'DUPLICATE_IN_BATCH',
        field: 'events[2].eventId',
        message: 'events[2].eventId repeats events[0].eventId "e1"; each event is recorded once',
        issues: [{ index: 2, field: 'events[2].eventId', message: 'repeats events[0].eventId "e1"; each event is recorded once' }],
      },
    ]);
  });

  it('calls an invalid repeat a duplicate too, but lets a good item follow a rejected one with its id', () => {
    const result = valid(
      validateEventBatch(
        [
          base('e1', { type: 'LOGIN' }),
          base('e1', { type: 'SEARCH' }),
          base('e2', { type: 'SEARCH' }),
          base('e2', { type: 'SEARCH', search: { query: 'fixed' } }),
        ],
        now,
      ),
    );
    expect(result.accepted.map((e) => e.index)).toEqual([0, 3]);
    expect(result.rejected.map((r) => [r.index, r.code])).toEqual([
      [1, 'DUPLICATE_IN_BATCH'],
      [2, 'BAD_USER_INPUT'],
    ]);
  });

  it('refuses an empty batch and one over 5,000 events as a whole', () => {
    expect(validateEventBatch([], now)).toEqual({ ok: false, issues: [{ field: 'events', message: 'must hold at least one event' }] });
    const events = Array.from({ length: MAX_EVENTS_PER_CALL + 1 }, (_, i) => base(`e${i}`, { type: 'LOGIN' }));
    expect(validateEventBatch(events, now)).toEqual({
      ok: false,
      issues: [{ field: 'events', message: 'must hold at most 5000 events per call, got 5001' }],
    });
    expect(valid(validateEventBatch(events.slice(1), now)).accepted).toHaveLength(MAX_EVENTS_PER_CALL);
  });
});
