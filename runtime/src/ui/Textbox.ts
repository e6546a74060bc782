/**
 * Textbox: a line of text typed in a page, sent when Enter is pressed.
 * @module
 */

import { Component } from "../axon/Component.js";
import { ShutdownMicroprocess } from "../axon/Ipc.js";
import { checkShutdown } from "../util/checkShutdown.js";
import { unhandled } from "../util/unhandled.js";
import { placeWidget } from "./placeWidget.js";

/** Options for a {@link Textbox}: the input it uses, or where to add one. */
export interface TextboxOptions {
  /** The `<input>` to use. */
  readonly element?: HTMLInputElement;
  /** Where to add a new `<input>`, when no `element` is given. */
  readonly parent?: Element;
}

/**
 * Sends the line typed in a page's text input each time Enter is pressed, and types what it is sent.
 * @remarks Port of Kamaelia.UI.Pygame.Text.Textbox, on an `<input>` (`element`, or a new one added to
 * `parent`) rather than a Pygame surface. Pressing Enter in it sends its text from `outbox` and empties
 * it. Strings on `inbox` are typed into it, as Kamaelia's were, character by character: `"\n"` or `"\r"`
 * acts as Enter, `"\b"` (backspace) deletes the last character, and anything else is added; so
 * `"hi\n"` sends `"hi"`. A message that is not a string is skipped and reported as an `ErrorInformation`
 * on `signal`. It listens from the moment it is made. `ProducerFinished` on `control` is passed on from
 * `signal` once what waits on `inbox` has been typed, `ShutdownMicroprocess` at once, and it ends: it
 * stops listening and disables the input. Other control messages are passed on from `signal`.
 * @inbox inbox - strings to type in: `"\n"` sends the line, `"\b"` deletes a character
 * @inbox control - `ProducerFinished` or `ShutdownMicroprocess`: passed on from `signal`, then it ends
 * @outbox outbox - each line entered, as a string
 * @outbox signal - the shutdown message when it ends, other control messages, and `ErrorInformation` for skipped messages
 * @see {@link TextDisplayer} to show lines.
 * @example
 * ```ts
 * import { ConsoleEchoer, Pipeline, ProducerFinished, handle } from "kamaelia";
 * import { Textbox } from "kamaelia/browser";
 * const textbox = new Textbox({ parent: document.body });
 * const chat = handle(new Pipeline(textbox, new ConsoleEchoer({ tag: "you: " })));
 * const input = document.querySelector("input");
 * if (input !== null) input.value = "hello";
 * input?.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
 * chat.put("hi\n");
 * chat.put(new ProducerFinished(), "control");
 * await chat.done; // you: hello, you: hi
 * ```
 */
export class Textbox extends Component {
  static override Inboxes = {
    inbox: 'strings to type in: "\\n" sends the line, "\\b" deletes a character',
    control: "ProducerFinished or ShutdownMicroprocess: passed on from signal, then it ends",
  };
  static override Outboxes = {
    outbox: "each line entered, as a string",
    signal: "the shutdown message when it ends, other control messages, and ErrorInformation for skipped messages",
  };

  readonly #input: HTMLInputElement;
  /** Lines entered with the keyboard, not yet sent. */
  #entered: string[] = [];
  readonly #stopListening: () => void;

  /** @param options - the `<input>`, or the parent to add one to */
  constructor(options: TextboxOptions) {
    super();
    const input = placeWidget("Textbox", "input", options, true);
    this.#input = input;
    const keydown = (event: KeyboardEvent): void => {
      if (event.key !== "Enter") return;
      event.preventDefault();
      this.#entered.push(input.value);
      input.value = "";
      this.unpause();
    };
    input.addEventListener("keydown", keydown);
    this.#stopListening = () => {
      input.removeEventListener("keydown", keydown);
    };
  }

  override *main(): Generator<unknown, void, unknown> {
    for (;;) {
      const shutdown = checkShutdown(this);
      for (const line of this.#entered) this.send(line, "outbox");
      this.#entered = [];
      if (!(shutdown instanceof ShutdownMicroprocess)) while (this.dataReady("inbox") > 0) this.#type(this.recv("inbox"));
      if (shutdown !== undefined) {
        this.send(shutdown, "signal");
        return;
      }
      this.pause();
      yield;
    }
  }

  /** @internal However it ends, it stops listening and disables the input. */
  override _closeDown(): void {
    this.#stopListening();
    this.#input.disabled = true;
    super._closeDown();
  }

  #type(text: unknown): void {
    if (typeof text !== "string") {
      this.send(unhandled(this, "inbox", text, "strings to type in"), "signal");
      return;
    }
    const input = this.#input;
    for (const character of text) {
      if (character === "\n" || character === "\r") {
        this.send(input.value, "outbox");
        input.value = "";
      } else if (character === "\b") input.value = input.value.slice(0, -1);
      else input.value += character;
    }
  }
}
