// The cookbook's sections, in reading order: each is a folder cookbook/<slug>/ of recipe folders.
// `coming` lists the recipes of the section not written yet, each with what it waits for.

/** @typedef {{ order: number, title: string, needs: string }} ComingRecipe */
/** @typedef {{ slug: string, title: string, summary: string, coming: readonly ComingRecipe[] }} CookbookSection */

/** @type {readonly CookbookSection[]} */
export const cookbookSections = [
  {
    slug: "composition",
    title: "Components and composition",
    summary: "Pipelines, Graphlines, Carousels, Seq and PAR, backplanes, shutdown, time, back-pressure and testing.",
    coming: [],
  },
  {
    slug: "network",
    title: "Network systems: servers and clients",
    summary: "Echo and chat servers, protocols that end the conversation, UDP peers and reliable delivery.",
    coming: [{ order: 26, title: "Reliable delivery over a damaged link", needs: "the reliable-multicast components (SRM_Sender, SRM_Receiver) and the damaged-link simulators" }],
  },
  {
    slug: "http",
    title: "HTTP",
    summary: "A static-file server, request handlers, client pipelines, a feed reader and a small crawler.",
    coming: [],
  },
  {
    slug: "messaging",
    title: "Messaging protocols",
    summary: "An IRC bot and channel logger, tested against a fake server.",
    coming: [{ order: 32, title: "An IRC bot and channel logger", needs: "the IRC client components" }],
  },
  {
    slug: "files-and-processes",
    title: "Files, processes and batch jobs",
    summary: "Reading and writing files, running external programs, watching folders, a greylisting mail proxy.",
    coming: [{ order: 36, title: "A greylisting SMTP proxy (Kamaelia Grey in miniature)", needs: "the mail handler and greylisting components" }],
  },
  {
    slug: "ui",
    title: "User interfaces and multimedia",
    summary: "A presentation tool, text widgets, a collaborative whiteboard, a live topology viewer, sprites.",
    coming: [
      { order: 37, title: "A presentation tool", needs: "a slide chooser wired to the Image and Button widgets" },
      { order: 38, title: "Text widgets: Textbox, TextDisplayer and Ticker", needs: "its recipe; the widgets are in kamaelia/browser" },
      { order: 39, title: "A collaborative whiteboard", needs: "the whiteboard's drawing and relay components" },
      { order: 40, title: "A live topology viewer", needs: "the topology viewer component" },
      { order: 41, title: "Sprites driven by behaviour components", needs: "the sprite and behaviour components" },
    ],
  },
  {
    slug: "digital-tv",
    title: "Digital TV",
    summary: "Demultiplexing transport streams, finding channels from PSI tables, recording at programme junctions.",
    coming: [
      { order: 42, title: "Demultiplexing a transport stream", needs: "the DVB components" },
      { order: 43, title: "Find a channel by name from the PSI tables", needs: "the DVB PSI table parsers" },
      { order: 44, title: "Recording programmes at programme junctions (Macro in miniature)", needs: "the DVB components" },
    ],
  },
  {
    slug: "ordinary-code",
    title: "Using components from ordinary code",
    summary: "Handles, async iterables and streams: components driven from plain async code.",
    coming: [],
  },
];
