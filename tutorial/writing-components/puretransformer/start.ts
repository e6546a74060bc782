import { ConsoleEchoer, DataSource, Pipeline, PureTransformer } from "kamaelia";

/** Turns temperatures in degrees Fahrenheit into whole degrees Celsius. */
export function toCelsius(): PureTransformer {
  // Your code here: (fahrenheit - 32) * 5 / 9, rounded to a whole number.
  return new PureTransformer((fahrenheit) => fahrenheit);
}

/** Lets through only the temperatures below zero. */
export function belowZero(): PureTransformer {
  // Your code here: return undefined for the ones to drop.
  return new PureTransformer((celsius) => celsius);
}

await new Pipeline(new DataSource([212, 32, 5, -40]), toCelsius(), belowZero(), new ConsoleEchoer()).run();
