// What each example on the home page prints: shown under its code, and pinned by examples.test.ts.

/** The lines pipeline.ts prints. */
export const pipelineOutput = ["HELLO", "WORLD"];

/** The lines graphline.ts prints: the scheduler steps both branches in turn, so they interleave. */
export const graphlineOutput = ["shouted: HELLO", "exclaimed: hello!", "shouted: WORLD", "exclaimed: world!"];
