import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--headless", "--disable-gpu"] });
const page = await browser.newPage();
page.on("request", (r) => console.log("req", r.url().slice(0, 100)));
await page.route("http://127.0.0.1:4321/__x__.html", (route) => route.fulfill({ contentType: "text/html", body: "<p>hi</p>" }));
await page.goto("http://127.0.0.1:4321/__x__.html", { timeout: 15000 }).then(() => console.log("ok")).catch((e) => console.log("ERR", e.message.split("\n")[0]));
await page.goto("http://127.0.0.1:4321/", { timeout: 15000 }).then(() => console.log("ok2")).catch((e) => console.log("ERR2", e.message.split("\n")[0]));
await browser.close();
