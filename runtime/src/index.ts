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
export { RealClock, VirtualClock, type Clock, type TimerHandle } from "./axon/Clock.js";
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
export { HandleClosed, handle, type Handle } from "./axon/Handle.js";
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
