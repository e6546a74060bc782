// The runtime-agnostic entry of kamaelia: the Axon core, and (as they come) Chassis and Util.

// Axon: microprocesses, components and the scheduler
export { Microprocess, Sleep, type MainResult } from "./axon/Microprocess.js";
export {
  Component,
  type BoxDeclaration,
  type BoxRef,
  type ComponentRunOptions,
  type LinkOptions,
  type UnlinkTarget,
} from "./axon/Component.js";
export { AsyncComponent, ComponentStopped } from "./axon/AsyncComponent.js";
export { AdaptiveCommsComponent, type ResourceInformation } from "./axon/AdaptiveCommsComponent.js";
export { Scheduler, type RunOptions, type SchedulerOptions } from "./axon/Scheduler.js";
export { Linkage, type Passthrough } from "./axon/Linkage.js";
export type { Box } from "./axon/Box.js";
export { RealClock, VirtualClock, type TimeSource, type TimerHandle } from "./axon/Clock.js";
export { testInterface } from "./axon/testInterface.js";

// Axon: messages about components' lives
export {
  ErrorInformation,
  Ipc,
  NewComponent,
  Notify,
  ProducerFinished,
  Reactivate,
  Shutdown,
  ShutdownMicroprocess,
  Status,
  WouldBlock,
} from "./axon/Ipc.js";

// Axon: errors
export {
  AccessToUndeclaredTrackedVariable,
  ArgumentsClash,
  AxonException,
  BadComponent,
  BadInbox,
  BadParentTracker,
  BoxAlreadyLinkedToDestination,
  ComponentError,
  EmptyBox,
  InvalidComponentInterface,
  InvalidLinkage,
  LinkageCycle,
  MultipleServiceDeletion,
  NamespaceClash,
  NoSpaceInBox,
  NoSuchBox,
  NoSuchChild,
  NoSuchResource,
  NoSuchService,
  ServiceAlreadyExists,
} from "./axon/AxonExceptions.js";

// Axon: services, shared state and introspection
export { CoordinatingAssistantTracker } from "./axon/CoordinatingAssistantTracker.js";
export { Introspector } from "./axon/Introspector.js";
export { BusyRetry, Collection, ConcurrentUpdate, KeyNotInCollection, Store, Value } from "./axon/STM.js";
export type { Topology, TopologyComponent, TopologyLinkage } from "./axon/Topology.js";

// Axon: using components from ordinary code
export { HandleClosed, handle, type Handle, type HandleOptions } from "./axon/Handle.js";
export {
  IterableSource,
  fromAsyncIterable,
  fromReadableStream,
  toAsyncIterable,
  toReadableStream,
  toWritableStream,
} from "./axon/Streams.js";

// Chassis: wiring components together
export { Container, type FailureReport } from "./chassis/Container.js";
export { Pipeline } from "./chassis/Pipeline.js";
export { Graphline, type GraphlineEnd, type GraphlineLinkages, type GraphlineOptions } from "./chassis/Graphline.js";
export { Carousel } from "./chassis/Carousel.js";
export { Seq } from "./chassis/Seq.js";
export { PAR } from "./chassis/PAR.js";
export { JoinChooserToCarousel } from "./chassis/JoinChooserToCarousel.js";

// Util: sources, transformers, sinks and marshalling
export { ConsoleEchoer, type ConsoleEchoerOptions } from "./util/ConsoleEchoer.js";
export { DataSource, TriggeredSource } from "./util/DataSource.js";
export { OneShot, TriggeredOneShot } from "./util/OneShot.js";
export { Chargen } from "./util/Chargen.js";
export { PureTransformer } from "./util/PureTransformer.js";
export { SequentialTransformer } from "./util/SequentialTransformer.js";
export { Filter, type FilterObject } from "./util/Filter.js";
export { FirstOnly } from "./util/FirstOnly.js";
export { UnseenOnly } from "./util/UnseenOnly.js";
export { Sync } from "./util/Sync.js";
export { Max } from "./util/Max.js";
export { Stringify } from "./util/Stringify.js";
export { str } from "./util/repr.js";
export { SimpleDetupler } from "./util/SimpleDetupler.js";
export { TagWithSequenceNumber } from "./util/TagWithSequenceNumber.js";
export { Collate } from "./util/Collate.js";
export { PassThrough } from "./util/PassThrough.js";
export { NullSink } from "./util/NullSink.js";
export { Comparator } from "./util/Comparator.js";
export { StopSystem, TestResult, TestResultFailed } from "./util/TestResult.js";
export { LineSplit } from "./util/LineSplit.js";
export { chunks_to_lines } from "./util/chunks_to_lines.js";
export { DeMarshaller, JSONMarshalling, Marshaller, MarshallingError, type Marshalling } from "./util/Marshalling.js";
export { EscapedListMarshalling, lines_to_tokenlists, tokenlists_to_lines, type TokenList } from "./util/EscapedListMarshalling.js";

// Util: publish and subscribe
export { Backplane, PublishTo, SubscribeTo, type PublishToOptions } from "./util/Backplane.js";

// Util: fan-out, choosers, clocks and rate limits
export { BadArgument } from "./util/BadArgument.js";
export { Fanout } from "./util/Fanout.js";
export { TwoWaySplitter } from "./util/TwoWaySplitter.js";
export { AddSink, RemoveSink, Splitter } from "./util/Splitter.js";
export { Plug } from "./util/Plug.js";
export { PlugSplitter } from "./util/PlugSplitter.js";
export { Chooser } from "./util/Chooser.js";
export { ForwardIteratingChooser } from "./util/ForwardIteratingChooser.js";
export { Clock } from "./util/Clock.js";
export { MessageRateLimit } from "./util/MessageRateLimit.js";
export { PromptedTurnstile } from "./util/PromptedTurnstile.js";
export { OnDemandLimit } from "./util/OnDemandLimit.js";
export { ByteRate_RequestControl, type ByteRate_RequestControlOptions } from "./util/ByteRate_RequestControl.js";
export { LossyConnector } from "./util/LossyConnector.js";

// Chassis: closing idle components
export { ActivityMonitor, type ActivityMonitorOptions } from "./chassis/ActivityMonitor.js";
export { ResettableSender, type ResettableSenderOptions } from "./chassis/ResettableSender.js";
export { InactivityChassis, NoActivityTimeout, type InactivityChassisOptions } from "./chassis/InactivityChassis.js";

// Protocol: framing and simple protocols
export { EchoProtocol } from "./protocol/EchoProtocol.js";
export { FortuneCookieProtocol } from "./protocol/FortuneCookieProtocol.js";
export {
  CorruptChunk,
  CorruptFrame,
  DataChunker,
  DataDeChunker,
  DeFramer,
  Framer,
  IncompleteChunk,
  ShortFrame,
  type DataChunkerOptions,
  type DataDeChunkerOptions,
  type DeFramerOptions,
} from "./protocol/Framing.js";
export { MaxSizePacketiser } from "./protocol/MaxSizePacketiser.js";
export { RecoverOrder, type RecoverOrderOptions } from "./protocol/RecoverOrder.js";

// Protocol: HTTP
export {
  HTTPParser,
  ParsedHTTPBodyChunk,
  ParsedHTTPEnd,
  ParsedHTTPError,
  ParsedHTTPHeader,
  type HTTPParserOptions,
  type HTTPRequest,
  type HTTPResponseHead,
} from "./protocol/http/HTTPParser.js";
export {
  BadResource,
  HTTPRequestHandler,
  type ErrorHandlerFactory,
  type HTTPRequestHandlerOptions,
  type HTTPResource,
  type RequestHandlerFactory,
} from "./protocol/http/HTTPRequestHandler.js";
export { HTTPServer, HTTPShutdownLogicHandling, type HTTPServerOptions } from "./protocol/http/HTTPServer.js";
export { HTTPProtocol, requestHandlers, type HTTPConnectionInfo, type HTTPRouting } from "./protocol/http/HTTPProtocol.js";
export { ErrorPageHandler, getErrorPage } from "./protocol/http/ErrorPages.js";
export { workoutMimeType } from "./protocol/http/MimeTypes.js";
export { HTTPRequestFailed, SimpleHTTPClient, SingleShotHTTPClient, type HTTPClientOptions, type HTTPClientRequest } from "./protocol/http/HTTPClient.js";

// Internet: the in-memory loopback network, with ServerCore's and TCPClient's contracts
export { MemoryClient, MemoryServer } from "./internet/Memory.js";
export type { ConnectionInfo, ListenerEvents, Listening, ServerAddress, ServerCoreOptions } from "./internet/ConnectionServer.js";
export type { Transport, TransportEvents } from "./internet/Transport.js";
export { NetworkError } from "./internet/NetworkError.js";
