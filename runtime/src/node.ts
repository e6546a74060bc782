// The Node.js entry of kamaelia: components and adapters that need Node's own modules.

// Adapters between components and Node streams
export { toNodeReadable, toNodeWritable } from "./node/NodeStreams.js";
