import { describe, expect, it } from "vitest";
import { ErrorInformation, ProducerFinished, ShutdownMicroprocess } from "../../axon/Ipc.js";
import { Harness, MockChild, responseText } from "../../test-support/harness.js";
import { OneShot } from "../../util/OneShot.js";
import { ParsedHTTPEnd, ParsedHTTPError, ParsedHTTPHeader, type HTTPRequest } from "./HTTPParser.js";
import { HTTPRequestHandler } from "./HTTPRequestHandler.js";

function request(path: string, keepAlive = true): ParsedHTTPHeader {
  return new ParsedHTTPHeader<HTTPRequest>({ method: "GET", uri: path, path, query: "", protocol: "HTTP", version: "1.1", headers: new Headers(), keepAlive });
}

const echoPath = (request: HTTPRequest) => new OneShot({ data: request.path, complete: true });

describe("HTTPRequestHandler", () => {
  it("answers the requests already waiting when told no more will come, then passes ProducerFinished on", () => {
    const harness = new Harness(new HTTPRequestHandler(echoPath));
    const finished = new ProducerFinished();
    harness.send("inbox", request("/1"), new ParsedHTTPEnd(), request("/2"), new ParsedHTTPEnd()).send("control", finished).settle();
    const text = responseText(harness.take());
    expect(text.split("\r\n\r\n").slice(1).map((part) => part.replace(/HTTP\/1\.1.*/s, ""))).toEqual(["/1", "/2"]);
    expect(harness.take("signal")).toEqual([finished]);
    expect(harness.component.finished).toBe(true);
  });

  it("stops its handler and passes ShutdownMicroprocess on at once", () => {
    const handler = new MockChild();
    const harness = new Harness(new HTTPRequestHandler(() => handler));
    harness.send("inbox", request("/"), new ParsedHTTPEnd()).settle();
    const stop = new ShutdownMicroprocess();
    harness.send("control", stop).settle();
    expect(handler.finished).toBe(true);
    expect(harness.take("signal")).toEqual([stop]);
    expect(harness.take()).toEqual([]);
  });

  it("answers a refusal with the error handler's page and asks to close the connection", () => {
    const harness = new Harness(new HTTPRequestHandler(echoPath, { errorhandler: (statuscode, message) => new OneShot({ statuscode, data: message, complete: true }) }));
    harness.send("inbox", new ParsedHTTPError(431, "Too big.")).settle();
    expect(responseText(harness.take())).toBe(
      "HTTP/1.1 431 Request Header Fields Too Large\r\nconnection: close\r\ncontent-length: 8\r\nserver: Kamaelia\r\n\r\nToo big.",
    );
    expect(harness.take("signal")).toEqual([expect.any(ProducerFinished)]);
  });

  it("skips and reports messages that do not come from a parser", () => {
    const harness = new Harness(new HTTPRequestHandler(echoPath));
    harness.send("inbox", "GET / HTTP/1.1").settle();
    const [report] = harness.take("signal") as ErrorInformation[];
    expect(String(report?.message).replace(/_\d+/, "_N")).toMatchInlineSnapshot(
      `"HTTPRequestHandler_N skipped the string "GET / HTTP/1.1" on its "inbox" inbox: it accepts messages from an HTTPParser (ParsedHTTPHeader, ParsedHTTPBodyChunk, ParsedHTTPEnd, ParsedHTTPError)."`,
    );
    harness.send("inbox", request("/after", false), new ParsedHTTPEnd()).settle();
    expect(responseText(harness.take())).toContain("\r\n\r\n/after");
  });
});
