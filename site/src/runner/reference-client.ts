/**
 * The map from `kamaelia`'s exported names to their reference pages, as the page fetches it (it is
 * written when the site is built: see reference-links.mjs).
 * @module
 */

/** Exported name to the URL of its reference page. */
export type ReferenceLinks = Readonly<Record<string, string>>;

/** Where the site serves the map, and the runtime's browser build, under its base URL. */
export const runnerAssets = `${import.meta.env.BASE_URL.replace(/\/?$/, "/")}_runner/`;

let loading: Promise<ReferenceLinks> | null = null;

/** The map, fetched once per page; empty when it cannot be had. */
export function referenceLinks(): Promise<ReferenceLinks> {
  loading ??= fetch(`${runnerAssets}reference-links.json`)
    .then((response) => (response.ok ? (response.json() as Promise<ReferenceLinks>) : {}))
    .catch(() => ({}));
  return loading;
}
