// The Node.js entry of kamaelia: components and adapters that need Node's own modules.

// Adapters between components and Node streams
export { toNodeReadable, toNodeWritable } from "./node/NodeStreams.js";

// Console: lines from stdin, messages to stdout
export { ConsoleReader, type ConsoleReaderOptions } from "./node/ConsoleReader.js";
export { ConsoleEchoer, type ConsoleEchoerOptions } from "./util/ConsoleEchoer.js";

// Internet: TCP and WebSocket servers and clients
export { ServerCore, SimpleServer, type SimpleServerOptions } from "./internet/ServerCore.js";
export { SingleServer, type SingleServerOptions } from "./internet/SingleServer.js";
export { TCPClient } from "./internet/TCPClient.js";
export { WebSocketClient } from "./internet/WebSocketClient.js";
export { WebSocketServer } from "./internet/WebSocketServer.js";

// Internet: UDP and multicast peers
export { PostboxPeer, SimplePeer, TargettedPeer, type Packet, type UDPPeerOptions } from "./internet/UDP.js";
export type { MulticastOptions } from "./internet/Multicast.js";
export { Multicast_receiver } from "./internet/Multicast_receiver.js";
export { Multicast_sender } from "./internet/Multicast_sender.js";
export { Multicast_transceiver } from "./internet/Multicast_transceiver.js";

// Protocol: HTTP files
export { Minimal, MinimalFactory } from "./file/Minimal.js";

// File: reading, writing and watching files
export { Append, type AppendOptions } from "./file/Append.js";
export { DirectoryWatcher, type DirectoryChange, type DirectoryWatcherOptions } from "./file/DirectoryWatcher.js";
export { FileError } from "./file/FileError.js";
export { PromptedFileReader } from "./file/PromptedFileReader.js";
export { RateControlledFileReader } from "./file/RateControlledFileReader.js";
export { ReadFileAdaptor, type ReadFileAdaptorOptions } from "./file/ReadFileAdaptor.js";
export { SimpleFileWriter } from "./file/SimpleFileWriter.js";
export { SimpleReader } from "./file/SimpleReader.js";
export { WholeFileWriter } from "./file/WholeFileWriter.js";

// File: processes
export { ProcessFailed, type Command, type ExitStatus, type UnixProcessOptions } from "./file/SubProcess.js";
export { UnixProcess } from "./file/UnixProcess.js";
export { UnixProcess2, type UnixProcess2Options } from "./file/UnixProcess2.js";
