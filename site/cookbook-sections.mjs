// The cookbook's sections, in reading order: each is a folder cookbook/<slug>/ of recipe folders.
// `needs` says what a section waits for while it has no recipes yet.

/** @typedef {{ slug: string, title: string, summary: string, needs: string }} CookbookSection */

/** @type {readonly CookbookSection[]} */
export const cookbookSections = [
  {
    slug: "composition",
    title: "Components and composition",
    summary: "Pipelines, Graphlines, Carousels, Seq and PAR, backplanes, shutdown, time, back-pressure and testing.",
    needs: "Axon, Chassis and Util",
  },
  {
    slug: "network",
    title: "Network systems: servers and clients",
    summary: "Echo and chat servers, protocols that end the conversation, UDP peers and reliable delivery.",
    needs: "the Internet components of kamaelia/node (ServerCore, TCPClient, UDP peers)",
  },
  {
    slug: "http",
    title: "HTTP",
    summary: "A static-file server, request handlers, client pipelines, a feed reader and a small crawler.",
    needs: "the HTTP protocol components (HTTPServer, SimpleHTTPClient)",
  },
  {
    slug: "messaging",
    title: "Messaging protocols",
    summary: "An IRC bot and channel logger, tested against a fake server.",
    needs: "the IRC client components",
  },
  {
    slug: "files-and-processes",
    title: "Files, processes and batch jobs",
    summary: "Reading and writing files, running external programs, watching folders, a greylisting mail proxy.",
    needs: "the File components and UnixProcess of kamaelia/node",
  },
  {
    slug: "ui",
    title: "User interfaces and multimedia",
    summary: "A presentation tool, text widgets, a collaborative whiteboard, a live topology viewer, sprites.",
    needs: "the UI components of kamaelia/browser",
  },
  {
    slug: "digital-tv",
    title: "Digital TV",
    summary: "Demultiplexing transport streams, finding channels from PSI tables, recording at programme junctions.",
    needs: "the DVB components",
  },
  {
    slug: "ordinary-code",
    title: "Using components from ordinary code",
    summary: "Handles, async iterables and streams: components driven from plain async code.",
    needs: "Axon's handles and stream adapters",
  },
];
