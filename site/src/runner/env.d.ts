// What Vite gives the runner's modules when the site is built.

interface ImportMetaEnv {
  /** The site's base URL, `/` unless the site is served under a path. */
  readonly BASE_URL: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

declare module "*?url" {
  /** The URL Vite serves the file at. */
  const url: string;
  export default url;
}

declare module "*?raw" {
  /** The file's text. */
  const text: string;
  export default text;
}
