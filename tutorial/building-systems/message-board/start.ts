// Every connection's handler publishes what its user says to one Backplane, and subscribes to it: so
// what one user posts, every logged-in user sees.
import {
  Backplane,
  Component,
  ConsoleEchoer,
  Graphline,
  MemoryClient,
  MemoryServer,
  Pipeline,
  ProducerFinished,
  PublishTo,
  SubscribeTo,
  chunks_to_lines,
  handle,
} from "kamaelia";

/**
 * The login protocol, posting to the board: once the user has logged in, each line they say leaves from
 * "post", and each post arriving on "board" is sent to them.
 */
export class BoardUser extends Component {
  static override Inboxes = { inbox: "lines from the user", control: "the end, from the user", board: "everything posted to the board" };
  static override Outboxes = { outbox: "text for the user", post: "what the user posts", signal: "the end, passed on" };

  override *main() {
    this.send("What is your name?\n");
    let user: string | undefined;
    for (;;) {
      while (this.dataReady("inbox")) {
        const line = String(this.recv("inbox"));
        if (user !== undefined) this.send(`${user}: ${line}`, "post");
        else if (line === "") this.send("What is your name?\n");
        else {
          user = line;
          this.send(`hello ${user}\n`);
        }
      }
      while (this.dataReady("board")) {
        const post = String(this.recv("board"));
        if (user !== undefined) this.send(`${post}\n`);
      }
      if (this.dataReady("control")) {
        this.send(this.recv("control"), "signal");
        return;
      }
      this.pause();
      yield;
    }
  }
}

/** What the server makes for each connection: lines to a BoardUser, which posts to and reads from "BOARD". */
export function connection(): Graphline {
  return new Graphline(
    {
      LINES: chunks_to_lines(),
      USER: new BoardUser(),
      // Your code here: a PublishTo and a SubscribeTo for the Backplane "BOARD".
    },
    {
      linkages: {
        ".inbox": "LINES.inbox",
        ".control": "LINES.control",
        "LINES.outbox": "USER.inbox",
        "LINES.signal": "USER.control",
        "USER.outbox": ".outbox",
        // Your code here: USER's posts to the board, what the board carries to USER's "board" inbox, and
        // the end from USER's signal through both new children, so that they end when the user leaves.
      },
    },
  );
}

/** A user at a keyboard: types each line at its time (ms from the start), and leaves at `leaveAt`. */
export class Typist extends Component {
  constructor(
    readonly script: readonly (readonly [at: number, line: string])[],
    readonly leaveAt: number,
  ) {
    super();
  }

  override *main() {
    let now = 0;
    for (const [at, line] of this.script) {
      yield this.sleep(at - now);
      now = at;
      this.send(`${line}\n`);
    }
    yield this.sleep(this.leaveAt - now);
    this.send(new ProducerFinished(this), "signal");
  }
}

/** A client whose user types `script`, printing what the server sends it. */
function client(who: string, port: number, script: readonly (readonly [number, string])[]): Pipeline {
  return new Pipeline(new Typist(script, 500), new MemoryClient("localhost", port), chunks_to_lines(), new ConsoleEchoer({ tag: `${who} sees: ` }));
}

/** Starts the board and the server, lets alice and bob log in and post, then stops both. */
export async function main(): Promise<void> {
  const board = handle(new Backplane("BOARD"));
  const core = new MemoryServer({ protocol: connection, port: 0 });
  const server = handle(core);
  const { port } = await core.ready;
  const alice = handle(client("alice", port, [[100, "alice"], [300, "anyone here?"]]));
  const bob = handle(client("bob", port, [[200, "bob"], [400, "hi alice"]]));
  await Promise.all([alice.done, bob.done]);
  await server.shutdown();
  await board.shutdown();
}

// Run as a program; the step's Node test imports the protocol instead.
if (!("kamaeliaRecipeTest" in globalThis)) await main();
