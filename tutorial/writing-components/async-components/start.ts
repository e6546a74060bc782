import { AsyncComponent, ConsoleEchoer, DataSource, Pipeline } from "kamaelia";

/** Finds somebody's age, somewhere that takes a while to answer. */
export type Lookup = (name: string) => Promise<number>;

/** Sends "<name> is <age>" for each name it receives, looking each age up in turn. */
export class AgeLookup extends AsyncComponent {
  constructor(readonly lookup: Lookup) {
    super();
  }

  override async main() {
    for (;;) {
      const box = await this.waitForAny("inbox", "control");
      if (box === "control") {
        this.send(this.recv("control"), "signal");
        return;
      }
      const name = String(this.recv("inbox"));
      // Your code here: wait for this.lookup(name), then send `${name} is ${age}`.
    }
  }
}

const ages = new Map([["ada", 36], ["alan", 41]]);
const slowly: Lookup = (name) => new Promise((resolve) => {
    setTimeout(() => {
      resolve(ages.get(name) ?? 0);
    }, 50);
  });

await new Pipeline(new DataSource(["ada", "alan"]), new AgeLookup(slowly), new ConsoleEchoer()).run();
