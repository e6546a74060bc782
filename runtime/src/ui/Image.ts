/**
 * Image: a picture in a page, changed by sending the address of another.
 * @module
 */

import { Component } from "../axon/Component.js";
import { ShutdownMicroprocess } from "../axon/Ipc.js";
import { BadArgument } from "../util/BadArgument.js";
import { checkShutdown } from "../util/checkShutdown.js";
import { unhandled } from "../util/unhandled.js";
import { placeWidget } from "./placeWidget.js";

/** Options for an {@link Image}: the `<img>` it uses, or where to add one, and what it shows first. */
export interface ImageOptions {
  /** The `<img>` to use. */
  readonly element?: HTMLImageElement;
  /** Where to add a new `<img>`, when no `element` is given. */
  readonly parent?: Element;
  /** The address (URL) of the picture to show first. Default: none (a given `element` keeps its own). */
  readonly image?: string;
  /** The width and height to show pictures at, in CSS pixels, keeping their aspect ratio. Default: their own size. */
  readonly size?: readonly [width: number, height: number];
  /** Text shown in place of the pictures for those who cannot see them. Default `""`. */
  readonly alt?: string;
}

/**
 * Shows a picture in the page, and swaps it for the one named by each message it receives.
 * @remarks Port of Kamaelia.UI.Pygame.Image, on an `<img>` (`element`, or a new one added to `parent`)
 * rather than a Pygame surface. Each string on `inbox` is the address of a picture (a URL, relative to
 * the page, or a `data:` or `blob:` URL), which replaces the one shown; the newest wins when several are
 * waiting. With `size` pictures are shown at that size, keeping their aspect ratio (`object-fit:
 * contain`), as Kamaelia's kept it. A message that is not a string is skipped and reported as an
 * `ErrorInformation` on `signal`. `ProducerFinished` on `control` is passed on from `signal` once the
 * waiting addresses have been taken, `ShutdownMicroprocess` at once, and it ends; the picture stays.
 * Other control messages are passed on from `signal`.
 * @inbox inbox - the address (URL) of the picture to show
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - not used
 * @outbox signal - the shutdown message when it ends, other control messages, and `ErrorInformation` for skipped messages
 * @see {@link Button} and {@link Chooser}, with which it makes a slide show.
 * @example
 * ```ts
 * import { DataSource, Pipeline } from "kamaelia";
 * import { Image } from "kamaelia/browser";
 * const slide = new Image({ parent: document.body, image: "slide1.png", alt: "a slide" });
 * await new Pipeline(new DataSource(["slide2.png", "slide3.png"]), slide).run();
 * console.log(document.querySelector("img")?.src.endsWith("/slide3.png")); // true
 * ```
 */
export class Image extends Component {
  static override Inboxes = {
    inbox: "the address (URL) of the picture to show",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "not used",
    signal: "the shutdown message when it ends, other control messages, and ErrorInformation for skipped messages",
  };

  readonly #img: HTMLImageElement;

  /** @param options - the `<img>`, or the parent to add one to; the first picture, a size and a text */
  constructor(options: ImageOptions) {
    super();
    const img = placeWidget("Image", "img", options, true);
    const { image, size, alt } = options;
    if (size !== undefined) {
      const [width, height] = size;
      if (!(width > 0 && height > 0)) throw new BadArgument("Image", "size", `[${String(width)}, ${String(height)}]`, "[width, height], both greater than 0");
      img.style.width = `${String(width)}px`;
      img.style.height = `${String(height)}px`;
      img.style.objectFit = "contain";
    }
    if (alt !== undefined || options.element === undefined) img.alt = alt ?? "";
    if (image !== undefined) img.src = image;
    this.#img = img;
  }

  override *main(): Generator<unknown, void, unknown> {
    for (;;) {
      const shutdown = checkShutdown(this);
      if (!(shutdown instanceof ShutdownMicroprocess)) {
        let latest: string | undefined;
        while (this.dataReady("inbox") > 0) {
          const address = this.recv("inbox");
          if (typeof address === "string") latest = address;
          else this.send(unhandled(this, "inbox", address, "the address (URL) of a picture, as a string"), "signal");
        }
        if (latest !== undefined) this.#img.src = latest;
      }
      if (shutdown !== undefined) {
        this.send(shutdown, "signal");
        return;
      }
      this.pause();
      yield;
    }
  }
}
