/**
 * The error for a constructor argument a component cannot work with.
 * @module
 */

import { AxonException } from "../axon/AxonExceptions.js";

/**
 * A component was constructed with an argument it cannot work with, such as a rate or interval that is
 * not a positive number.
 * @remarks Kamaelia's components raised Python's `ValueError` here. The message names the component
 * class, the argument, the value given and what is accepted.
 * @example
 * ```ts
 * import { BadArgument, Clock } from "kamaelia";
 * try {
 *   new Clock(0);
 * } catch (error) {
 *   console.log(error instanceof BadArgument); // true
 * }
 * ```
 */
export class BadArgument extends AxonException {
  /**
   * @param component - the class being constructed, e.g. "Clock"
   * @param argument - the argument's name
   * @param value - the value given
   * @param accepts - what is accepted, e.g. "a number of milliseconds greater than 0"
   */
  constructor(
    readonly component: string,
    readonly argument: string,
    readonly value: unknown,
    accepts: string,
  ) {
    super(`new ${component}(): ${argument} must be ${accepts}, not ${String(value)}.`);
  }
}

/** Throws {@link BadArgument} unless `value` is a finite number greater than 0. @internal */
export function requirePositive(component: string, argument: string, value: number, unit: string): number {
  if (!(Number.isFinite(value) && value > 0)) throw new BadArgument(component, argument, value, `a number of ${unit} greater than 0`);
  return value;
}
