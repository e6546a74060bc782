import { describe, expect, it } from "vitest";
import { ProducerFinished } from "../../axon/Ipc.js";
import { runComponent } from "../../test-support/harness.js";
import { ErrorPageHandler, getErrorPage } from "./ErrorPages.js";

describe("getErrorPage", () => {
  it("makes a complete HTML page naming the status and its reason", () => {
    expect(getErrorPage(404, "No such page.")).toMatchInlineSnapshot(`
      {
        "complete": true,
        "contentType": "text/html; charset=utf-8",
        "data": "<!DOCTYPE html>
      <html><head><meta charset="utf-8"><title>404 Not Found</title></head>
      <body><h1>404 Not Found</h1>
      <p>No such page.</p></body></html>
      ",
        "statuscode": 404,
      }
    `);
  });

  it("escapes the message, so that a requested URI cannot add markup", () => {
    expect(getErrorPage(404, `</p><script>alert("x")</script>&'`).data).toContain("<p>&lt;/p&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>");
  });

  it("makes a page for a status it has no reason phrase for", () => {
    expect(getErrorPage(599).data).toContain("<title>599</title>");
  });
});

describe("ErrorPageHandler", () => {
  it("sends the error page, then ProducerFinished", async () => {
    const outputs = await runComponent(ErrorPageHandler(500, "Sorry."));
    expect(outputs["outbox"]).toEqual([getErrorPage(500, "Sorry.")]);
    expect(outputs["signal"]).toEqual([expect.any(ProducerFinished)]);
  });
});
