// A Backplane is a named hub: whatever a PublishTo sends there reaches every SubscribeTo of the same
// name. Publishers and subscribers find it by its name, so nobody has to link them.
import { Backplane, Component, ConsoleEchoer, Graphline, Pipeline, ProducerFinished, PublishTo, SubscribeTo, type ConsoleEchoerOptions } from "kamaelia";

/** A weather station: a reading every 100 ms, then it signs off. */
export class Station extends Component {
  override *main() {
    for (const reading of ["sunny", "cloudy", "rain"]) {
      yield this.sleep(100);
      this.send(reading);
    }
    this.send(new ProducerFinished(this), "signal");
  }
}

/** Prints everything published on "WEATHER", each line starting with `tag`. */
export function subscriber(tag: string, print: ConsoleEchoerOptions = {}): Pipeline {
  // Your code here: subscribe to "WEATHER", and print what arrives with new ConsoleEchoer({ ...print, tag }).
  return new Pipeline();
}

/** The system: the station publishes its readings on "WEATHER"; a screen and a phone subscribe. */
export function system(print: ConsoleEchoerOptions = {}): Graphline {
  return new Graphline(
    {
      WEATHER: new Backplane("WEATHER"),
      // Your code here: publish the station's readings on "WEATHER".
      STATION: new Pipeline(new Station()),
      SCREEN: subscriber("screen: ", print),
      PHONE: subscriber("phone: ", print),
    },
    // When the station signs off, the Backplane ends, and tells everyone subscribed to it to end too.
    { linkages: { "STATION.signal": "WEATHER.control" } },
  );
}

await system().run();
