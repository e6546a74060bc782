// Two components joined outbox to inbox: one says "hello" and "world", the other prints what arrives.
// Run it with `npm start` (or `npm run build && node runtime/examples/hello-pipeline.js`). Prints:
//   hello
//   world
import { Component, ProducerFinished, ShutdownMicroprocess } from "kamaelia";

/** Sends two words, then says on `signal` that it has finished. */
class Greeter extends Component {
  /** @override */
  *main() {
    for (const word of ["hello", "world"]) {
      this.send(word, "outbox");
      yield;
    }
    this.send(new ProducerFinished(this), "signal");
  }
}

/** Prints each message from `inbox`; ends, passing the news on, when `control` says the producer is done. */
class Printer extends Component {
  /** @override */
  *main() {
    for (;;) {
      while (this.dataReady("inbox") > 0) console.log(this.recv("inbox"));
      while (this.dataReady("control") > 0) {
        const message = this.recv("control");
        if (message instanceof ProducerFinished || message instanceof ShutdownMicroprocess) {
          this.send(message, "signal");
          return;
        }
      }
      this.pause();
      yield;
    }
  }
}

const greeter = new Greeter();
const printer = new Printer();
greeter.link([greeter, "outbox"], [printer, "inbox"]);
greeter.link([greeter, "signal"], [printer, "control"]);
printer.activate();
await greeter.run();
