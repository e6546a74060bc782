// Settings the site, the reference and the book share. Change them here, and only here.

/**
 * The repository's public address, for "edit this page" links and links to the source.
 * A placeholder until the project's public home is settled.
 */
export const repositoryUrl = "https://github.com/kamaelia-ts/kamaelia";

/** Where the built site is published (a placeholder too), for canonical links and the sitemap. */
export const siteUrl = "https://kamaelia-ts.github.io";

/** The branch that "edit this page" and source links point into. */
export const repositoryBranch = "main";

/** The site's title, also the book's. */
export const siteTitle = "Kamaelia";

/** One line about the project, for search engines and the book's title page. */
export const siteDescription =
  "Kamaelia for TypeScript: build programs from small components that talk through inboxes and outboxes.";
