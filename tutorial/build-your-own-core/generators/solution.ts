// countdown(n) yields n, then n - 1, and so on down to 1, and then ends.
export function* countdown(n: number): Generator<number, void, undefined> {
  for (let i = n; i >= 1; i -= 1) yield i;
}

for (const number of countdown(3)) console.log(number);
console.log("liftoff");
