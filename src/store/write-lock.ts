/**
 * One writer at a time within this process. SQLite allows one write transaction per database, and
 * better-sqlite3 waits for a busy lock synchronously — so if the API's merge waited for the lock
 * the importer holds across `await`s, it would block the very thread the importer needs to commit.
 * Every in-process write transaction on SQLite queues here instead. (Other processes wait on
 * SQLite's own lock, with busy_timeout.)
 */
export type WriteLock = <T>(fn: () => Promise<T>) => Promise<T>;

export const createWriteLock = (): WriteLock => {
  let tail: Promise<unknown> = Promise.resolve();
  return (fn) => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
};

/** For stores whose server orders writers itself (PostgreSQL): no queue. */
export const noWriteLock: WriteLock = (fn) => fn();
