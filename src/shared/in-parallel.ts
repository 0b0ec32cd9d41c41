/**
 * Runs `task` over the items, at most `limit` at a time (so that writes of a moment can share
 * a transaction, or a batch's refunds go out side by side, without starting thousands at
 * once); stops starting new ones after a failure, and rejects with it.
 */
export async function inParallel<T>({ items, limit, task }: { items: readonly T[]; limit: number; task: (item: T) => Promise<void> }): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      try {
        await task(items[next++]);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
