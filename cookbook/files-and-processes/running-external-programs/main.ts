// Running external programs: a command as a pipeline stage, and what a failing command says.
import {
  Component,
  ConsoleEchoer,
  DataSource,
  Graphline,
  Pipeline,
  ProducerFinished,
  PureTransformer,
  Seq,
  ShutdownMicroprocess,
  chunks_to_lines,
  type ConsoleEchoerOptions,
} from "kamaelia";
import { UnixProcess, UnixProcess2, type ExitStatus } from "kamaelia/node";

/** `sort` as a pipeline stage: lines go to its standard input, its standard output comes back as lines. */
export const sortLines = (print: ConsoleEchoerOptions = {}): Pipeline =>
  new Pipeline(new DataSource(["b\n", "a\n", "c\n"]), new UnixProcess("sort"), chunks_to_lines(), new ConsoleEchoer(print));

/** A command that complains on its standard error and fails. */
export const missingFile = "echo 'missing.txt: no such file' >&2; exit 2";

/** Turns the `ProducerFinished` a process ends with into a line saying its exit status. */
export class ExitStatusLine extends Component {
  override *main(): Generator<undefined, void, unknown> {
    for (;;) {
      while (this.dataReady("control")) {
        const message = this.recv("control");
        if (message instanceof ProducerFinished) this.send(`exit status ${String((message.message as ExitStatus).code)}`);
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

/** The failing command: its standard error and its exit status, printed in that order. */
export const failure = (print: ConsoleEchoerOptions = {}): Graphline =>
  new Graphline(
    {
      RUN: new UnixProcess2(missingFile),
      ERRORS: new Pipeline(chunks_to_lines(), new PureTransformer((line: string) => `stderr: ${line}`)),
      STATUS: new ExitStatusLine(),
      SHOW: new ConsoleEchoer(print),
    },
    {
      linkages: {
        "RUN.error": "ERRORS.inbox",
        "RUN.signal": "ERRORS.control",
        "ERRORS.outbox": "SHOW.inbox",
        "ERRORS.signal": "STATUS.control",
        "STATUS.outbox": "SHOW.inbox",
        "STATUS.signal": "SHOW.control",
      },
    },
  );

/** The system: sort three lines, then run the failing command. */
export const system = (print: ConsoleEchoerOptions = {}): Seq => new Seq(sortLines(print), failure(print));

// Run as a program; a test imports the parts instead (see cookbook/README.md).
if (!("kamaeliaRecipeTest" in globalThis)) await system().run();
