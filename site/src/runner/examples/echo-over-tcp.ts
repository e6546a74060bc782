// An echo server and a client that talks to it, over TCP on this machine: a program that needs Node.
import { PassThrough, ProducerFinished, handle } from "kamaelia";
import { SimpleServer, TCPClient } from "kamaelia/node";

// Each connection gets its own protocol component: PassThrough sends back whatever arrives.
const server = new SimpleServer({ protocol: () => new PassThrough(), port: 0, host: "127.0.0.1" });
const running = handle(server);
const { port } = await server.ready;

const client = handle(new TCPClient("127.0.0.1", port));
client.put("hello, server");
client.put(new ProducerFinished(), "control");
for await (const reply of client) console.log(`echoed: ${String(reply)}`);

await running.shutdown();
console.log("server shut down");
