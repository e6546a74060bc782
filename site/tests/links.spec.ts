import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { brokenLinks } from "./internal-links.js";
import { requireBuiltSite, siteDist } from "./site.js";

test("the link check finds missing pages, missing files and missing anchors, and passes good links", () => {
  const root = mkdtempSync(join(tmpdir(), "links-"));
  try {
    mkdirSync(join(root, "a"));
    writeFileSync(join(root, "style.css"), "");
    writeFileSync(
      join(root, "index.html"),
      '<link href="/style.css" rel="stylesheet"><a href="/a/">ok</a><a href="a/#here">ok</a><a href="https://example.org/x">out</a>' +
        '<a href="/b/">gone</a><img src="/missing.png"><a href="/a/#nowhere">bad anchor</a><a href="#top">self</a><p id="top"></p>',
    );
    writeFileSync(join(root, "a", "index.html"), '<h2 id="here">here</h2><a href="../">up</a>');
    expect(brokenLinks(root)).toEqual([
      { page: "index.html", link: "/b/", reason: "no such file" },
      { page: "index.html", link: "/missing.png", reason: "no such file" },
      { page: "index.html", link: "/a/#nowhere", reason: 'no id "nowhere" on that page' },
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("no page of the built site links to a page, file or anchor that does not exist", () => {
  requireBuiltSite();
  expect(brokenLinks(siteDist)).toEqual([]);
});
