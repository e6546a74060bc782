// The testing entry of kamaelia: drive components on a virtual clock, with no real time and no network.

// Harness
export { Harness, runComponent } from "./testing/Harness.js";
