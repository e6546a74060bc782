// countdown(n) should yield n, then n - 1, and so on down to 1, and then end.
export function* countdown(n: number): Generator<number, void, undefined> {
  // Your code here: a loop that yields each number from n down to 1.
}

for (const number of countdown(3)) console.log(number);
console.log("liftoff");
