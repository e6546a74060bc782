/**
 * Canvas: a page's 2D canvas that draws the commands it is sent.
 * @module
 */

import { Component } from "../axon/Component.js";
import { ShutdownMicroprocess } from "../axon/Ipc.js";
import { BadArgument } from "../util/BadArgument.js";
import { checkShutdown } from "../util/checkShutdown.js";
import { unhandled } from "../util/unhandled.js";
import { placeWidget } from "./placeWidget.js";

/** A colour as Kamaelia gives it: red, green and blue from 0 to 255. */
export type Colour = readonly [red: number, green: number, blue: number];

/** Options for a {@link Canvas}: the `<canvas>` it uses, or where to add one, its size and background. */
export interface CanvasOptions {
  /** The `<canvas>` to use; it keeps its own size unless `size` is given. */
  readonly element?: HTMLCanvasElement;
  /** Where to add a new `<canvas>`, when no `element` is given. */
  readonly parent?: Element;
  /** Its width and height in pixels. Default `[1024, 768]` for a new canvas, as in Kamaelia. */
  readonly size?: readonly [width: number, height: number];
  /** The background `CLEAR` paints. Default white, `[255, 255, 255]`. */
  readonly bgcolour?: Colour;
}

/** The commands and how many arguments each takes (`CLEAR` takes 0 or 3). */
const ARITY: Readonly<Record<string, readonly number[]>> = { CLEAR: [0, 3], LINE: [7], CIRCLE: [6], WRITE: [7] };

const COMMANDS = "[\"CLEAR\"], [\"CLEAR\", r, g, b], [\"LINE\", r, g, b, x1, y1, x2, y2], [\"CIRCLE\", r, g, b, x, y, radius] or [\"WRITE\", x, y, size, r, g, b, text], or an array of them";

/**
 * Draws the commands it receives on a 2D `<canvas>` in the page.
 * @remarks Port of the Canvas of Kamaelia's Whiteboard, on a `<canvas>` (`element`, or a new one added to
 * `parent`) rather than a Pygame surface. It paints itself with `bgcolour` when it starts. A message is
 * one command or an array of commands, each an array of its name and arguments, as Kamaelia's token
 * lists are (numbers may come as strings, as they do off a wire):
 * `["CLEAR"]` paints the background (or `["CLEAR", r, g, b]` that colour); `["LINE", r, g, b, x1, y1, x2, y2]`
 * draws a line one pixel wide; `["CIRCLE", r, g, b, x, y, radius]` a filled circle; and
 * `["WRITE", x, y, size, r, g, b, text]` writes text `size` pixels high with its top left corner at
 * `(x, y)`. Names may be in any case. A command it does not know, or with the wrong arguments, is skipped
 * and reported as an `ErrorInformation` on `signal`, the rest of the message still drawn. Kamaelia's
 * commands that load, save and copy pictures are not drawing and are not taken. `ProducerFinished` on
 * `control` is passed on from `signal` once every waiting command has been drawn,
 * `ShutdownMicroprocess` at once, and it ends; the drawing stays. Other control messages are passed on
 * from `signal`.
 * @inbox inbox - a drawing command, or an array of them
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - not used
 * @outbox signal - the shutdown message when it ends, other control messages, and `ErrorInformation` for skipped commands
 * @example
 * ```ts
 * import { DataSource, Pipeline } from "kamaelia";
 * import { Canvas } from "kamaelia/browser";
 * const canvas = new Canvas({ parent: document.body, size: [100, 100] });
 * const commands = [["CLEAR", 0, 0, 0], [["LINE", 255, 0, 0, 0, 50, 100, 50], ["CIRCLE", 0, 0, 255, 50, 20, 10]]];
 * await new Pipeline(new DataSource(commands), canvas).run();
 * const context = document.querySelector("canvas")?.getContext("2d");
 * console.log(context?.getImageData(10, 50, 1, 1).data.join(","), context?.getImageData(50, 20, 1, 1).data.join(",")); // 255,0,0,255 0,0,255,255
 * ```
 */
export class Canvas extends Component {
  static override Inboxes = {
    inbox: "a drawing command, or an array of them",
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "not used",
    signal: "the shutdown message when it ends, other control messages, and ErrorInformation for skipped commands",
  };

  readonly #canvas: HTMLCanvasElement;
  readonly #bgcolour: Colour;

  /** @param options - the `<canvas>`, or the parent to add one to; its size and background */
  constructor(options: CanvasOptions) {
    super();
    const canvas = placeWidget("Canvas", "canvas", options, true);
    const size = options.size ?? (options.element === undefined ? [1024, 768] : undefined);
    if (size !== undefined) {
      const [width, height] = size;
      if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) {
        throw new BadArgument("Canvas", "size", `[${String(width)}, ${String(height)}]`, "[width, height], whole numbers of pixels greater than 0");
      }
      canvas.width = width;
      canvas.height = height;
    }
    const bgcolour: readonly number[] = options.bgcolour ?? [255, 255, 255];
    if (!isColour(bgcolour)) throw new BadArgument("Canvas", "bgcolour", `[${bgcolour.join(", ")}]`, "[red, green, blue], each from 0 to 255");
    this.#canvas = canvas;
    this.#bgcolour = bgcolour;
  }

  override *main(): Generator<unknown, void, unknown> {
    const context = this.#canvas.getContext("2d");
    if (context === null) throw new Error(`${this.name} could not get a 2D context from its <canvas>: it already has a context of another kind.`);
    fill(context, this.#bgcolour);
    for (;;) {
      const shutdown = checkShutdown(this);
      if (!(shutdown instanceof ShutdownMicroprocess)) {
        while (this.dataReady("inbox") > 0) {
          const message = this.recv("inbox");
          const commands = Array.isArray(message) && message.every((item) => Array.isArray(item)) ? (message as unknown[]) : [message];
          for (const command of commands) this.#draw(context, command);
        }
      }
      if (shutdown !== undefined) {
        this.send(shutdown, "signal");
        return;
      }
      this.pause();
      yield;
    }
  }

  /** Draws one command, or reports it. */
  #draw(context: CanvasRenderingContext2D, command: unknown): void {
    const name = Array.isArray(command) && typeof command[0] === "string" ? command[0].toUpperCase() : undefined;
    const args = Array.isArray(command) ? (command.slice(1) as unknown[]) : [];
    const arity = name === undefined ? undefined : ARITY[name];
    // WRITE's last argument is its text; every other argument is a number.
    const numbers = (name === "WRITE" ? args.slice(0, -1) : args).map(Number);
    if (arity === undefined || !arity.includes(args.length) || !numbers.every(Number.isFinite)) {
      this.send(unhandled(this, "inbox", command, COMMANDS), "signal");
      return;
    }
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0] = numbers;
    switch (name) {
      case "CLEAR":
        fill(context, numbers.length === 3 ? [a, b, c] : this.#bgcolour);
        break;
      case "LINE":
        context.strokeStyle = rgb([a, b, c]);
        context.lineWidth = 1;
        context.beginPath();
        // Half-pixel offsets put a one-pixel line on whole pixels, as Pygame draws it.
        context.moveTo(d + 0.5, e + 0.5);
        context.lineTo(f + 0.5, g + 0.5);
        context.stroke();
        break;
      case "CIRCLE":
        context.fillStyle = rgb([a, b, c]);
        context.beginPath();
        context.arc(d, e, f, 0, 2 * Math.PI);
        context.fill();
        break;
      default:
        context.fillStyle = rgb([d, e, f]);
        context.font = `${String(c)}px sans-serif`;
        context.textBaseline = "top";
        context.fillText(String(args[6]), a, b);
    }
  }
}

function isColour(colour: readonly number[]): colour is Colour {
  return colour.length === 3 && colour.every((part) => Number.isFinite(part) && part >= 0 && part <= 255);
}

function rgb([red, green, blue]: Colour): string {
  return `rgb(${String(red)}, ${String(green)}, ${String(blue)})`;
}

function fill(context: CanvasRenderingContext2D, colour: Colour): void {
  context.fillStyle = rgb(colour);
  context.fillRect(0, 0, context.canvas.width, context.canvas.height);
}
