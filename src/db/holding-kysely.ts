import { Kysely, TransactionBuilder, type AccessMode, type IsolationLevel, type KyselyConfig, type Transaction } from 'kysely';
import type { ConnectionGate } from './priority.ts';

// The embedded database's handle: its transactions' callbacks run marked as holding the
// connection's turn, so that a query through the handle awaited inside one fails at once
// instead of waiting for ever for the turn its own transaction holds (priority.ts,
// SelfWaitError). PostgreSQL's handle is a plain Kysely: its pool needs no mark, and the
// mark (AsyncLocalStorage) would cost every promise of the process (priority.ts).
// What it covers: `transaction().execute(callback)`, the only way the product runs a
// transaction (no startTransaction, connection() or withPlugin, which return plain Kysely
// objects and would go unmarked).

/** Kysely whose `transaction()` marks its callback as the holder of `gate`'s turn. */
export class HoldingKysely<DB> extends Kysely<DB> {
  readonly #gate: ConnectionGate;

  constructor(gate: ConnectionGate, config: KyselyConfig) {
    super(config);
    this.#gate = gate;
  }

  override transaction(): TransactionBuilder<DB> {
    return new HoldingTransactionBuilder(this.#gate, super.transaction());
  }
}

/**
 * The builder Kysely returns, its callback run under the gate's mark. It extends Kysely's
 * class so that callers still see a TransactionBuilder; every method goes to the builder
 * it wraps (the base class's own state is never read).
 */
class HoldingTransactionBuilder<DB> extends TransactionBuilder<DB> {
  readonly #gate: ConnectionGate;
  readonly #builder: TransactionBuilder<DB>;

  constructor(gate: ConnectionGate, builder: TransactionBuilder<DB>) {
    super({} as ConstructorParameters<typeof TransactionBuilder>[0]);
    this.#gate = gate;
    this.#builder = builder;
  }

  override setAccessMode(accessMode: AccessMode): TransactionBuilder<DB> {
    return new HoldingTransactionBuilder(this.#gate, this.#builder.setAccessMode(accessMode));
  }

  override setIsolationLevel(isolationLevel: IsolationLevel): TransactionBuilder<DB> {
    return new HoldingTransactionBuilder(this.#gate, this.#builder.setIsolationLevel(isolationLevel));
  }

  override execute<T>(callback: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    // Only the callback is marked: the checkout and BEGIN before it and the COMMIT after
    // it ask for and hold the turn as any statement does.
    return this.#builder.execute((trx) => this.#gate.holdingTurn(() => callback(trx)));
  }
}
