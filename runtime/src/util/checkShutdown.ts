/**
 * The shutdown rule the Util components share: what `control` asks for, and passing the rest on.
 * @module
 * @internal
 */

import type { Component } from "../axon/Component.js";
import { ProducerFinished, ShutdownMicroprocess } from "../axon/Ipc.js";

/**
 * Takes what waits on `component`'s `control` inbox and says whether to stop: a `ShutdownMicroprocess`
 * (stop now; it wins over an earlier `ProducerFinished`), the first `ProducerFinished` (finish the
 * messages already waiting, then stop), or `undefined` (carry on). Any other control message is sent
 * straight on from `signal`, as Kamaelia's components do, so that reports such as `ErrorInformation`
 * travel down a pipeline. The caller sends the returned message on from `signal` when it ends.
 * @internal
 */
export function checkShutdown(component: Component): ProducerFinished | ShutdownMicroprocess | undefined {
  let finished: ProducerFinished | undefined;
  while (component.dataReady("control") > 0) {
    const message = component.recv("control");
    if (message instanceof ShutdownMicroprocess) return message;
    if (message instanceof ProducerFinished) finished ??= message;
    else component.send(message, "signal");
  }
  return finished;
}

/**
 * The shutdown message to remember after `incoming` (what `checkShutdown` returned): once a
 * `ShutdownMicroprocess` has come it stays, otherwise the newer message is kept.
 * @internal
 */
export function laterEnd(
  current: ProducerFinished | ShutdownMicroprocess | undefined,
  incoming: ProducerFinished | ShutdownMicroprocess | undefined,
): ProducerFinished | ShutdownMicroprocess | undefined {
  return incoming === undefined || current instanceof ShutdownMicroprocess ? current : incoming;
}
