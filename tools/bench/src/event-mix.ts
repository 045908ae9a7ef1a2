/**
 * A deterministic stream of realistic customer events for the ingestion benchmark: the same seed
 * gives the same events, so the raw-insert ceiling writes exactly the rows the gateway run sent.
 *
 * Mix: 40% PAGE_VIEW, 20% LOGIN, 10% SEARCH, 10% ADD_TO_CART, 10% ORDER_PLACED (1-5 lines),
 * 2% ORDER_CANCELLED, 1% ORDER_REFUNDED (of the customer's last order), 1.5% COMPLAINT_OPENED,
 * 1% COMPLAINT_RESOLVED, 1.5% REVIEW_SUBMITTED, 1% CONTENT_SHARED, 1.5% SOCIAL_INTERACTION,
 * 0.5% CUSTOM. Half the events come from a hot tenth of the customers, half from all of them.
 * Event ids are UUIDs; events arrive in time order over the `spanDays` before `now`, as a live
 * feed would, each a little late (up to 30 minutes).
 */

const MIX: [number, string][] = [
  [0.4, 'PAGE_VIEW'],
  [0.6, 'LOGIN'],
  [0.7, 'SEARCH'],
  [0.8, 'ADD_TO_CART'],
  [0.9, 'ORDER_PLACED'],
  [0.92, 'ORDER_CANCELLED'],
  [0.93, 'ORDER_REFUNDED'],
  [0.945, 'COMPLAINT_OPENED'],
  [0.955, 'COMPLAINT_RESOLVED'],
  [0.97, 'REVIEW_SUBMITTED'],
  [0.98, 'CONTENT_SHARED'],
  [0.995, 'SOCIAL_INTERACTION'],
  [1, 'CUSTOM'],
];

const CATEGORIES = ['home', 'garden', 'kitchen', 'toys', 'books', 'fashion', 'beauty', 'sports', 'electronics', 'stationery', 'gifts', 'party'];
const PATHS = ['/', '/sale', '/new', '/c/home', '/c/garden', '/c/kitchen', '/c/toys', '/c/books', '/c/fashion', '/search', '/account', '/basket'];
const WORDS = ['lamp', 'mug', 'candle', 'vintage', 'red', 'set of 4', 'gift', 'heart', 'jumbo bag', 'lunch box', 'retro', 'christmas'];

/** mulberry32: small, fast, good enough to draw a benchmark's data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface MixOptions {
  seed: number;
  events: number;
  customers: number;
  now: Date;
  spanDays?: number;
  /**
   * Experiment: split the customers into this many disjoint ranges and draw the events of batch b
   * (of `batchSize`) from range b % partitions only, so concurrent batches never share a customer.
   */
  partitions?: number;
  batchSize?: number;
}

/** One event as sent (CustomerEventInput) and as the table stores it (for the raw ceiling). */
export interface MixedEvent {
  input: Record<string, unknown>;
  customerIndex: number;
  type: string;
  eventId: string;
  occurredAt: string;
  /** The typed part as recordEvents stores it in customer_event.data (ORDER_PLACED gains total). */
  data: Record<string, unknown>;
}

export const externalIdOf = (index: number) => `cust-${String(index).padStart(7, '0')}`;

/** Yields `events` events; run twice with the same options, it yields the same events. */
export function* eventMix(options: MixOptions): Generator<MixedEvent> {
  const random = prng(options.seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]) => list[int(list.length)] as T;
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  const uuid = () => {
    const h = hex(random() * 2 ** 32) + hex(random() * 2 ** 32) + hex(random() * 2 ** 32) + hex(random() * 2 ** 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[int(4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
  const spanMs = (options.spanDays ?? 180) * 86_400_000;
  const end = options.now.getTime() - 60_000;
  const start = end - spanMs;
  const hot = Math.max(1, Math.floor(options.customers / 10));
  const lastOrder = new Int32Array(options.customers).fill(-1);
  const lastTicket = new Int32Array(options.customers).fill(-1);
  let orders = 0;
  let tickets = 0;

  for (let n = 0; n < options.events; n += 1) {
    const parts = options.partitions ?? 1;
    const drawn = random() < 0.5 ? int(hot) : int(options.customers);
    const part = Math.floor(n / (options.batchSize ?? 1000)) % parts;
    const customerIndex = parts > 1 ? part + parts * Math.floor(drawn / parts) : drawn;
    const at = Math.min(end, start + ((n + 0.5) / options.events) * spanMs - int(30 * 60_000));
    const occurredAt = new Date(at).toISOString();
    const r = random();
    const type = (MIX.find(([upTo]) => r < upTo) as [number, string])[1];
    const eventId = uuid();
    let field: string | undefined;
    let typed: Record<string, unknown> | undefined;
    let data: Record<string, unknown>;
    switch (type) {
      case 'LOGIN':
        typed = { channel: pick(['web', 'app', 'web', 'app', 'store']) };
        field = 'login';
        data = typed;
        break;
      case 'PAGE_VIEW':
        typed = { path: `${pick(PATHS)}/${int(500)}`, depth: int(6) };
        field = 'pageView';
        data = typed;
        break;
      case 'SEARCH':
        typed = { query: `${pick(WORDS)} ${pick(WORDS)}` };
        field = 'search';
        data = typed;
        break;
      case 'ADD_TO_CART':
        typed = { productId: `p${int(5_000)}`, quantity: 1 + int(3) };
        field = 'addToCart';
        data = typed;
        break;
      case 'ORDER_PLACED': {
        const lines = Array.from({ length: 1 + int(5) }, () => ({
          productId: `p${int(5_000)}`,
          category: pick(CATEGORIES),
          quantity: 1 + int(3),
          unitPrice: `${1 + int(120)}.${String(int(100)).padStart(2, '0')}`,
        }));
        const cents = lines.reduce((sum, l) => sum + l.quantity * Math.round(Number(l.unitPrice) * 100), 0);
        const orderId = `o${(orders += 1)}`;
        lastOrder[customerIndex] = orders;
        typed = { orderId, currency: 'GBP', lines };
        field = 'orderPlaced';
        data = { ...typed, total: (cents / 100).toFixed(2) };
        break;
      }
      case 'ORDER_CANCELLED':
      case 'ORDER_REFUNDED': {
        const order = lastOrder[customerIndex] as number;
        typed = { orderId: order >= 0 ? `o${order}` : `o-unknown-${eventId.slice(0, 8)}`, amount: `${1 + int(60)}.${String(int(100)).padStart(2, '0')}` };
        field = type === 'ORDER_CANCELLED' ? 'orderCancelled' : 'orderRefunded';
        data = typed;
        break;
      }
      case 'COMPLAINT_OPENED':
        lastTicket[customerIndex] = tickets += 1;
        typed = { ticketId: `t${tickets}`, topic: pick(['delivery', 'quality', 'refund', 'billing']) };
        field = 'complaintOpened';
        data = typed;
        break;
      case 'COMPLAINT_RESOLVED': {
        const ticket = lastTicket[customerIndex] as number;
        typed = { ticketId: ticket >= 0 ? `t${ticket}` : `t-unknown-${eventId.slice(0, 8)}`, topic: 'resolved' };
        field = 'complaintResolved';
        data = typed;
        break;
      }
      case 'REVIEW_SUBMITTED':
        typed = { productId: `p${int(5_000)}`, rating: 1 + int(5) };
        field = 'reviewSubmitted';
        data = typed;
        break;
      case 'CONTENT_SHARED':
        typed = { channel: pick(['facebook', 'x', 'whatsapp', 'email']) };
        field = 'contentShared';
        data = typed;
        break;
      case 'SOCIAL_INTERACTION':
        typed = { kind: pick(['like', 'comment', 'follow', 'mention']) };
        field = 'socialInteraction';
        data = typed;
        break;
      default:
        typed = { name: 'wishlist_added', properties: { productId: `p${int(5_000)}`, source: 'bench' } };
        field = 'custom';
        data = typed;
    }
    const input: Record<string, unknown> = { eventId, customerExternalId: externalIdOf(customerIndex), type, occurredAt };
    if (field) input[field] = typed;
    yield { input, customerIndex, type, eventId, occurredAt, data };
  }
}
