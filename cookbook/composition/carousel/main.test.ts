import { Carousel } from "kamaelia";
import { describe, expect, it } from "vitest";
import { Harness, pageOutput, printed } from "../../recipe-test.js";
import { Player, system, type Format } from "./main.js";

describe("Carousel: build a component once you know its arguments", () => {
  it("prints player@8000 got 3 samples once the decoder has finished, and the system ends", () => {
    const { lines, sink } = printed();
    const harness = new Harness(system({ sink })).settle();
    expect(lines).toEqual(["player@8000 got 3 samples"]);
    expect(lines).toEqual(pageOutput(import.meta.url));
    expect(harness.alive()).toEqual([]);
  });

  it("makes the player from the decoder's format message, exactly once", () => {
    const formats: Format[] = [];
    const players: Player[] = [];
    new Harness(
      system({ sink: () => undefined }, (format) => {
        formats.push(format);
        const player = new Player(format.rate);
        players.push(player);
        return player;
      }),
    ).settle();
    expect(formats).toEqual([{ rate: 8000 }]);
    expect(players[0]?.finished).toBe(true);
  });

  it("replaces the player when a second format message arrives: the factory runs twice and the first player has finished", () => {
    const players: Player[] = [];
    const carousel = new Carousel((format) => {
      const player = new Player((format as Format).rate);
      players.push(player);
      return player;
    });
    const harness = new Harness(carousel).send("next", { rate: 8000 }).send("inbox", 0.1, 0.2).settle();
    harness.send("next", { rate: 16000 }).settle();
    expect(players.map((player) => player.rate)).toEqual([8000, 16000]);
    expect(players[0]?.finished).toBe(true);
    expect(players[1]?.finished).toBe(false);
  });
});
