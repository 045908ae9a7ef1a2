import { createInbox, headers, type Msg } from 'nats';
import type { Bus } from './bus';

export interface OutgoingMessage {
  /** The full NATS subject, already prefixed (`bus.subjectFor(...)`). */
  subject: string;
  payload: string | Uint8Array;
  /** `Nats-Msg-Id`: JetStream stores a message once per id within the stream's duplicate window. */
  msgId: string;
  traceparent?: string | null;
}

/** What JetStream said about one message: stored at `seq` (or already stored there: `duplicate`), or why not. */
export type PublishOutcome = { ok: true; seq: number; duplicate: boolean } | { ok: false; error: Error };

export interface BatchPublisher {
  /**
   * Publishes the messages in order, all before awaiting any PubAck, and resolves with one outcome per
   * message, in the same order, once each has its PubAck or `timeoutMs` has passed. Never rejects.
   * Several calls may be in flight at once. A failed outcome means "not known to be stored": it may
   * still have been, so retry with the same `msgId`.
   */
  publish(messages: readonly OutgoingMessage[]): Promise<PublishOutcome[]>;
  /** Stops listening for PubAcks; what is still waiting fails at once, and later batches fail. */
  close(): void;
}

export interface BatchPublisherOptions {
  /** How long a batch waits for its PubAcks; default the bus's JetStream timeout. */
  timeoutMs?: number;
}

/** The JSON body of a PubAck reply. */
interface PubAckBody {
  stream?: string;
  seq?: number;
  duplicate?: boolean;
  error?: { code?: number; err_code?: number; description?: string };
}

interface Batch {
  /** The reply token of the batch's first message; message i replies to token `first + i`. */
  first: number;
  messages: readonly OutgoingMessage[];
  outcomes: (PublishOutcome | undefined)[];
  left: number;
  timer: NodeJS.Timeout | undefined;
  resolve(outcomes: PublishOutcome[]): void;
}

/**
 * Publishes to JetStream with core `nc.publish` and a reply subject on one long-lived inbox
 * subscription that matches PubAcks to messages by reply token: per message no request object, no
 * timer and no Error, per batch one timer: far less CPU than one `js.publish` per message
 * (docs/performance.md).
 * Throws when the bus's connection is already closed.
 */
export function createBatchPublisher(bus: Bus, options: BatchPublisherOptions = {}): BatchPublisher {
  const timeoutMs = options.timeoutMs ?? bus.timeoutMs;
  const inbox = createInbox();
  const tokenAt = inbox.length + 1;
  /** Reply token → the batch whose message is still waiting for its PubAck. */
  const waiting = new Map<number, Batch>();
  const batches = new Set<Batch>();
  let nextToken = 0;
  let closedBecause: Error | undefined;

  const settle = (batch: Batch, index: number, outcome: PublishOutcome) => {
    batch.outcomes[index] = outcome;
    if ((batch.left -= 1) > 0) return;
    clearTimeout(batch.timer);
    batches.delete(batch);
    batch.resolve(batch.outcomes as PublishOutcome[]);
  };

  /** Fails every message of the batch still waiting, with one shared Error. */
  const failWaiting = (batch: Batch, error: Error) => {
    batch.outcomes.forEach((outcome, index) => {
      if (outcome !== undefined) return;
      waiting.delete(batch.first + index);
      settle(batch, index, { ok: false, error });
    });
  };

  const shutDown = (error: Error) => {
    closedBecause ??= error;
    for (const batch of [...batches]) failWaiting(batch, closedBecause);
  };

  const subscription = bus.nc.subscribe(`${inbox}.*`, {
    callback: (error, msg) => {
      if (error) return shutDown(error);
      const token = Number(msg.subject.slice(tokenAt));
      const batch = waiting.get(token);
      if (!batch) return; // timed out already
      waiting.delete(token);
      const index = token - batch.first;
      settle(batch, index, outcomeOf(msg, (batch.messages[index] as OutgoingMessage).subject));
    },
  });
  void subscription.closed.then(() => shutDown(new Error('NATS connection closed before the PubAck')));

  return {
    publish(messages) {
      if (messages.length === 0) return Promise.resolve([]);
      return new Promise<PublishOutcome[]>((resolve) => {
        const batch: Batch = {
          first: nextToken,
          messages,
          outcomes: new Array<PublishOutcome | undefined>(messages.length).fill(undefined),
          left: messages.length,
          timer: undefined,
          resolve,
        };
        nextToken += messages.length;
        batches.add(batch);
        if (closedBecause) return failWaiting(batch, closedBecause);
        messages.forEach((message, index) => {
          const token = batch.first + index;
          const h = headers();
          h.set('Nats-Msg-Id', message.msgId);
          h.set('Content-Type', 'application/cloudevents+json');
          if (message.traceparent) h.set('traceparent', message.traceparent);
          waiting.set(token, batch);
          try {
            bus.nc.publish(message.subject, message.payload, { reply: `${inbox}.${token}`, headers: h });
          } catch (error) {
            waiting.delete(token);
            settle(batch, index, { ok: false, error: error instanceof Error ? error : new Error(String(error)) });
          }
        });
        if (batch.left > 0) {
          batch.timer = setTimeout(() => failWaiting(batch, new Error(`no PubAck from JetStream within ${timeoutMs} ms`)), timeoutMs);
        }
      });
    },
    close() {
      subscription.unsubscribe();
      shutDown(new Error('batch publisher closed before the PubAck'));
    },
  };
}

function outcomeOf(msg: Msg, subject: string): PublishOutcome {
  const notStored = (reason: string): PublishOutcome => ({ ok: false, error: new Error(`JetStream did not store ${subject}: ${reason}`) });
  if (msg.data.length === 0 && msg.headers?.hasError) {
    const { code, description } = msg.headers;
    return notStored(code === 503 ? 'no JetStream stream captures the subject' : `${code} ${description}`);
  }
  let ack: PubAckBody;
  try {
    ack = JSON.parse(msg.string()) as PubAckBody;
  } catch {
    return notStored(`unreadable PubAck ${JSON.stringify(msg.string())}`);
  }
  if (ack.error) return notStored(`${ack.error.description} (code ${ack.error.code}, err_code ${ack.error.err_code})`);
  if (!ack.stream || typeof ack.seq !== 'number') return notStored(`invalid PubAck ${msg.string()}`);
  return { ok: true, seq: ack.seq, duplicate: ack.duplicate === true };
}
