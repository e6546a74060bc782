// The tutorial's parts, in reading order: each is a folder tutorial/<slug>/ of step folders.

/** @type {readonly { slug: string, title: string }[]} */
export const tutorialParts = [
  { slug: "build-your-own-core", title: "Part 1: Build your own core" },
  { slug: "writing-components", title: "Part 2: Writing components" },
  { slug: "building-systems", title: "Part 3: Building systems" },
];
