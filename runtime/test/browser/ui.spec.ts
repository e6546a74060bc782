// kamaelia/browser's widgets (runtime/src/ui) in Chromium, with the built runtime, each driven by a
// Harness (kamaelia/testing) on a virtual clock: clicks and key presses are real DOM events.
import { expect, test } from "@playwright/test";

type Kamaelia = typeof import("../../src/index.js");
type KamaeliaBrowser = typeof import("../../src/browser.js");
type KamaeliaTesting = typeof import("../../src/testing.js");

const entries = { index: "/runtime/dist/index.js", browser: "/runtime/dist/browser.js", testing: "/runtime/dist/testing.js" };

test.beforeEach(async ({ page }) => {
  await page.goto("/runtime/test/browser/fixture/page.html");
});

test.describe("Button", () => {
  test("sends msg once per click, counting clicks made before it first ran, and once per press of its key", async ({ page }) => {
    const sent = await page.evaluate(async (entries) => {
      const { Button } = (await import(entries.browser)) as KamaeliaBrowser;
      const { Harness } = (await import(entries.testing)) as KamaeliaTesting;
      const button = new Button({ parent: document.body, caption: "Next", msg: "NEXT", key: "ArrowRight" });
      const element = document.querySelector("button");
      element?.click();
      const harness = new Harness(button).settle();
      const early = harness.take();
      element?.click();
      document.body.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
      document.body.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowLeft", bubbles: true }));
      harness.settle();
      return { early, later: harness.take(), caption: element?.textContent };
    }, entries);
    expect(sent).toEqual({ early: ["NEXT"], later: ["NEXT", "NEXT"], caption: "Next" });
  });

  test('sends ["CLICK", id] by default, and a given element keeps its own text', async ({ page }) => {
    const sent = await page.evaluate(async (entries) => {
      const { Button } = (await import(entries.browser)) as KamaeliaBrowser;
      const { Harness } = (await import(entries.testing)) as KamaeliaTesting;
      const element = document.body.appendChild(document.createElement("div"));
      element.textContent = "a clickable div";
      const button = new Button({ element });
      const harness = new Harness(button).settle();
      element.click();
      harness.settle();
      const [message] = harness.take();
      return { isDefault: JSON.stringify(message) === JSON.stringify(["CLICK", button.id]), text: element.textContent };
    }, entries);
    expect(sent).toEqual({ isDefault: true, text: "a clickable div" });
  });

  test("on ProducerFinished passes it on, stops listening and disables its button", async ({ page }) => {
    const seen = await page.evaluate(async (entries) => {
      const { ProducerFinished } = (await import(entries.index)) as Kamaelia;
      const { Button } = (await import(entries.browser)) as KamaeliaBrowser;
      const { Harness } = (await import(entries.testing)) as KamaeliaTesting;
      const harness = new Harness(new Button({ parent: document.body, msg: 1 }));
      harness.send("control", new ProducerFinished()).settle();
      const element = document.querySelector("button");
      element?.click();
      harness.settle();
      return {
        signal: harness.take("signal").map((message) => (message instanceof ProducerFinished ? "ProducerFinished" : String(message))),
        sent: harness.take(),
        finished: harness.component.finished,
        disabled: element?.disabled,
      };
    }, entries);
    expect(seen).toEqual({ signal: ["ProducerFinished"], sent: [], finished: true, disabled: true });
  });

  test("refuses options with neither an element nor a parent, saying what to give", async ({ page }) => {
    const error = await page.evaluate(async (entries) => {
      const { Button } = (await import(entries.browser)) as KamaeliaBrowser;
      try {
        new Button({});
        return "accepted";
      } catch (error) {
        return `${(error as Error).name}: ${(error as Error).message}`;
      }
    }, entries);
    expect(error).toBe(
      "BadArgument: new Button(): options.parent must be an element to add a <button> to (or give options.element, the <button> to use), not undefined.",
    );
  });
});

test.describe("Textbox", () => {
  test("sends the typed line when Enter is pressed, and empties the input", async ({ page }) => {
    await page.evaluate(async (entries) => {
      const { Textbox } = (await import(entries.browser)) as KamaeliaBrowser;
      const { Harness } = (await import(entries.testing)) as KamaeliaTesting;
      const harness = new Harness(new Textbox({ parent: document.body }));
      Object.assign(globalThis, { textboxHarness: harness });
    }, entries);
    await page.locator("input").fill("hello there");
    await page.locator("input").press("Enter");
    const seen = await page.evaluate(() => {
      const harness = (globalThis as unknown as { textboxHarness: import("../../src/testing.js").Harness }).textboxHarness;
      return { sent: harness.settle().take(), value: document.querySelector("input")?.value };
    });
    expect(seen).toEqual({ sent: ["hello there"], value: "" });
  });

  test("types strings from its inbox: a newline sends the line, a backspace deletes; other messages are reported", async ({ page }) => {
    const seen = await page.evaluate(async (entries) => {
      const { ErrorInformation } = (await import(entries.index)) as Kamaelia;
      const { Textbox } = (await import(entries.browser)) as KamaeliaBrowser;
      const { Harness } = (await import(entries.testing)) as KamaeliaTesting;
      const input = document.body.appendChild(document.createElement("input"));
      const harness = new Harness(new Textbox({ element: input }));
      harness.send("inbox", "hix\b\n", "wor", 42, "ld").settle();
      return {
        sent: harness.take(),
        value: input.value,
        reports: harness.take("signal").map((message) => (message instanceof ErrorInformation ? String(message.message) : String(message))),
      };
    }, entries);
    expect({ ...seen, reports: seen.reports.map((report) => report.replace(/_\d+/, "_N")) }).toEqual({
      sent: ["hi"],
      value: "world",
      reports: ['Textbox_N skipped the number 42 on its "inbox" inbox: it accepts strings to type in.'],
    });
  });

  test("on ShutdownMicroprocess passes it on and disables the input", async ({ page }) => {
    const seen = await page.evaluate(async (entries) => {
      const { ShutdownMicroprocess } = (await import(entries.index)) as Kamaelia;
      const { Textbox } = (await import(entries.browser)) as KamaeliaBrowser;
      const { Harness } = (await import(entries.testing)) as KamaeliaTesting;
      const harness = new Harness(new Textbox({ parent: document.body }));
      harness.send("control", new ShutdownMicroprocess()).settle();
      return { signal: harness.take("signal").map((message) => message instanceof ShutdownMicroprocess), disabled: document.querySelector("input")?.disabled };
    }, entries);
    expect(seen).toEqual({ signal: [true], disabled: true });
  });

  test("refuses an element that is not an <input>, saying what it takes", async ({ page }) => {
    const error = await page.evaluate(async (entries) => {
      const { Textbox } = (await import(entries.browser)) as KamaeliaBrowser;
      try {
        new Textbox({ element: document.createElement("textarea") as unknown as HTMLInputElement });
        return "accepted";
      } catch (error) {
        return `${(error as Error).name}: ${(error as Error).message}`;
      }
    }, entries);
    expect(error).toBe("BadArgument: new Textbox(): options.element must be an <input>, not <textarea>.");
  });
});

test.describe("TextDisplayer", () => {
  test("shows each message as its own line, line breaks as spaces and other values in source form, keeping maxLines", async ({ page }) => {
    const lines = await page.evaluate(async (entries) => {
      const { ProducerFinished } = (await import(entries.index)) as Kamaelia;
      const { TextDisplayer } = (await import(entries.browser)) as KamaeliaBrowser;
      const { Harness } = (await import(entries.testing)) as KamaeliaTesting;
      const harness = new Harness(new TextDisplayer({ parent: document.body, maxLines: 3 }));
      harness.send("inbox", "first", "second\nline", [1, "a"], { b: 2 }).send("control", new ProducerFinished()).settle();
      const panel = document.querySelector("div");
      return { lines: [...(panel?.children ?? [])].map((line) => line.textContent), finished: harness.component.finished };
    }, entries);
    expect(lines).toEqual({ lines: ["second line", '[1, "a"]', "{ b: 2 }"], finished: true });
  });
});

test.describe("Ticker", () => {
  test("shows to be or not a word per tick of its clock: to, be, or, not", async ({ page }) => {
    const shown = await page.evaluate(async (entries) => {
      const { Ticker } = (await import(entries.browser)) as KamaeliaBrowser;
      const { Harness } = (await import(entries.testing)) as KamaeliaTesting;
      const news = document.body.appendChild(document.createElement("div"));
      const harness = new Harness(new Ticker({ element: news, words_per_second: 4 }));
      harness.send("inbox", "to be or not").settle();
      const seen = [news.textContent];
      for (let tick = 0; tick < 3; tick++) {
        harness.advance(250);
        seen.push(news.textContent);
      }
      return seen;
    }, entries);
    expect(shown).toEqual(["to", "to be", "to be or", "to be or not"]);
  });

  test("holds words back after pausebox until unpausebox, sets opacity from alphacontrol, and breaks lines", async ({ page }) => {
    const seen = await page.evaluate(async (entries) => {
      const { Ticker } = (await import(entries.browser)) as KamaeliaBrowser;
      const { Harness } = (await import(entries.testing)) as KamaeliaTesting;
      const news = document.body.appendChild(document.createElement("div"));
      const harness = new Harness(new Ticker({ element: news }));
      harness.send("inbox", "one two\nthree").settle();
      harness.send("pausebox", "hold").send("alphacontrol", 51).advance(1000);
      const held = news.textContent;
      const opacity = news.style.opacity;
      harness.send("unpausebox", "go").advance(1000);
      return { held, opacity, shown: news.innerHTML };
    }, entries);
    expect(seen).toEqual({ held: "one", opacity: "0.2", shown: "one two<br>three" });
  });

  test("passes ProducerFinished on once every word has been shown", async ({ page }) => {
    const seen = await page.evaluate(async (entries) => {
      const { ProducerFinished } = (await import(entries.index)) as Kamaelia;
      const { Ticker } = (await import(entries.browser)) as KamaeliaBrowser;
      const { Harness } = (await import(entries.testing)) as KamaeliaTesting;
      const news = document.body.appendChild(document.createElement("div"));
      const harness = new Harness(new Ticker({ element: news, words_per_second: 10 }));
      harness.send("inbox", "a b c").send("control", new ProducerFinished()).settle();
      const early = harness.take("signal").length;
      await harness.finish();
      return { early, text: news.textContent, at: harness.clock.now(), signal: harness.take("signal").map((m) => m instanceof ProducerFinished) };
    }, entries);
    expect(seen).toEqual({ early: 0, text: "a b c", at: 300, signal: [true] });
  });
});

test.describe("Image", () => {
  test("shows the newest address it is sent, at the size asked for, and reports what is not an address", async ({ page }) => {
    const seen = await page.evaluate(async (entries) => {
      const { ErrorInformation } = (await import(entries.index)) as Kamaelia;
      const { Image } = (await import(entries.browser)) as KamaeliaBrowser;
      const { Harness } = (await import(entries.testing)) as KamaeliaTesting;
      const harness = new Harness(new Image({ parent: document.body, image: "first.png", size: [40, 30], alt: "slides" }));
      const img = document.querySelector("img");
      const first = img?.getAttribute("src");
      harness.send("inbox", "second.png", 7, "third.png").settle();
      return {
        first,
        now: img?.getAttribute("src"),
        style: [img?.style.width, img?.style.height, img?.style.objectFit],
        alt: img?.alt,
        reports: harness.take("signal").filter((message) => message instanceof ErrorInformation).length,
      };
    }, entries);
    expect(seen).toEqual({ first: "first.png", now: "third.png", style: ["40px", "30px", "contain"], alt: "slides", reports: 1 });
  });
});

test.describe("Canvas", () => {
  test("paints its background, then draws lines, circles, text and clears from commands, numbers given as strings too", async ({ page }) => {
    const seen = await page.evaluate(async (entries) => {
      const { Canvas } = (await import(entries.browser)) as KamaeliaBrowser;
      const { Harness } = (await import(entries.testing)) as KamaeliaTesting;
      const harness = new Harness(new Canvas({ parent: document.body, size: [60, 40], bgcolour: [0, 0, 0] }));
      const canvas = document.querySelector("canvas");
      const context = canvas?.getContext("2d");
      const pixel = (x: number, y: number): string => context?.getImageData(x, y, 1, 1).data.join(",") ?? "none";
      harness.settle();
      const background = pixel(1, 1);
      harness.send("inbox", [["line", "255", "0", "0", "0", "5", "59", "5"], ["CIRCLE", 0, 255, 0, 30, 25, 5]], ["WRITE", 40, 30, 10, 255, 255, 255, "hi"]).settle();
      const drawn = { line: pixel(30, 5), circle: pixel(30, 25), text: context?.getImageData(40, 30, 20, 10).data.some((value, i) => i % 4 === 0 && value > 0) };
      harness.send("inbox", ["CLEAR", 0, 0, 255]).settle();
      return { size: [canvas?.width, canvas?.height], background, drawn, cleared: pixel(30, 25) };
    }, entries);
    expect(seen).toEqual({
      size: [60, 40],
      background: "0,0,0,255",
      drawn: { line: "255,0,0,255", circle: "0,255,0,255", text: true },
      cleared: "0,0,255,255",
    });
  });

  test("skips and reports a command it does not know, or with the wrong arguments, and draws the rest", async ({ page }) => {
    const seen = await page.evaluate(async (entries) => {
      const { ErrorInformation } = (await import(entries.index)) as Kamaelia;
      const { Canvas } = (await import(entries.browser)) as KamaeliaBrowser;
      const { Harness } = (await import(entries.testing)) as KamaeliaTesting;
      const harness = new Harness(new Canvas({ parent: document.body, size: [10, 10] }));
      harness.send("inbox", [["SAVE", "board.png"], ["LINE", 1, 2], ["CLEAR", 255, 0, 0]]).settle();
      const reports = harness.take("signal").map((message) => (message instanceof ErrorInformation ? String(message.message) : String(message)));
      return { reports, pixel: document.querySelector("canvas")?.getContext("2d")?.getImageData(5, 5, 1, 1).data.join(",") };
    }, entries);
    expect(seen.pixel).toBe("255,0,0,255");
    expect(seen.reports.map((report) => report.replace(/_\d+/, "_N"))).toEqual([
      'Canvas_N skipped an Array on its "inbox" inbox: it accepts ["CLEAR"], ["CLEAR", r, g, b], ["LINE", r, g, b, x1, y1, x2, y2], ["CIRCLE", r, g, b, x, y, radius] or ["WRITE", x, y, size, r, g, b, text], or an array of them.',
      'Canvas_N skipped an Array on its "inbox" inbox: it accepts ["CLEAR"], ["CLEAR", r, g, b], ["LINE", r, g, b, x1, y1, x2, y2], ["CIRCLE", r, g, b, x, y, radius] or ["WRITE", x, y, size, r, g, b, text], or an array of them.',
    ]);
  });
});
