// The browser entry of kamaelia: components that need a page (or a worker), on the platform's own APIs.

// Console: messages shown in the page
export { ElementEchoer, type ElementEchoerOptions } from "./browser/ElementEchoer.js";

// UI: widgets on page elements
export { Button, type ButtonOptions } from "./ui/Button.js";
export { Canvas, type CanvasOptions, type Colour } from "./ui/Canvas.js";
export { Image, type ImageOptions } from "./ui/Image.js";
export { TextDisplayer, type TextDisplayerOptions } from "./ui/TextDisplayer.js";
export { Textbox, type TextboxOptions } from "./ui/Textbox.js";
export { Ticker, type TickerOptions } from "./ui/Ticker.js";

// Internet: a WebSocket client with TCPClient's boxes
export { WebSocketClient } from "./browser/WebSocketClient.js";
