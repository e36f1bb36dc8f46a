import { cancelledBy } from '../clients/net/cancellation.js'

/**
 * Runs `work` over `items` with at most `limit` in flight, keeping order.
 * `stop()` from a callback lets no new item start (a dead server must not
 * be retried for every one of a thousand pending writes). A throw stops
 * it too.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, stop: () => void) => Promise<R>
): Promise<Array<R | undefined>> {
  const results: Array<R | undefined> = new Array(items.length)
  let next = 0
  let stopped = false
  const stop = (): void => {
    stopped = true
  }
  // The first failure stops new work; what is in flight finishes before it
  // is rethrown, so no request outlives the call.
  let failure: { error: unknown } | undefined
  const worker = async (): Promise<void> => {
    // A cancelled run (SIGINT, SIGTERM) starts nothing new either.
    while (!stopped && !cancelledBy() && next < items.length) {
      const index = next++
      try {
        results[index] = await work(items[index] as T, stop)
      } catch (error) {
        stopped = true
        failure ??= { error }
      }
    }
  }
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker)
  )
  if (failure) throw failure.error
  return results
}
