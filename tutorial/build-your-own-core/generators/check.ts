import type { CheckContext } from "../../check-kit.js";

export const startFails = "countdown(3) ended before it yielded anything";

/** The first values a generator yields, at most `limit` of them, so that an endless one cannot hang the check. */
function first(values: Iterator<unknown>, limit: number): unknown[] {
  const taken: unknown[] = [];
  while (taken.length < limit) {
    const next = values.next();
    if (next.done === true) break;
    taken.push(next.value);
  }
  return taken;
}

export default function check(t: CheckContext): void {
  const countdown = t.exported("countdown", "generator function") as (n: number) => Iterator<unknown>;
  const three = first(countdown(3), 10);
  if (three.length === 0) t.fail("countdown(3) ended before it yielded anything: write a loop that yields each number from n down to 1.");
  if (three.length === 10) t.fail("countdown(3) never ends: it yielded 10 values and kept going. Stop the loop after yielding 1.");
  if (three.join() !== "3,2,1") t.fail(`countdown(3) yielded ${three.join(", ")}: it should yield 3, 2, 1.`);
  const none = first(countdown(0), 10);
  if (none.length > 0) t.fail(`countdown(0) yielded ${none.join(", ")}: with nothing to count it should end at once.`);
  t.expectOutput(["3", "2", "1", "liftoff"]);
}
