import { ConsoleEchoer, DataSource, Pipeline, PureTransformer } from "kamaelia";

/** Turns temperatures in degrees Fahrenheit into whole degrees Celsius. */
export function toCelsius(): PureTransformer {
  return new PureTransformer((fahrenheit) => Math.round(((Number(fahrenheit) - 32) * 5) / 9));
}

/** Lets through only the temperatures below zero. */
export function belowZero(): PureTransformer {
  return new PureTransformer((celsius) => (Number(celsius) < 0 ? celsius : undefined));
}

await new Pipeline(new DataSource([212, 32, 5, -40]), toCelsius(), belowZero(), new ConsoleEchoer()).run();
