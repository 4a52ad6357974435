import http from "node:http";

export type Answer = { status: number; body: string; answeredAt: number };

export type SentRequest = {
  /** Settles once the whole request has been handed to the kernel. */
  written: Promise<void>;
  /** The local port of its connection, once connected (to find it in /proc/net/tcp). */
  clientPort: () => number | undefined;
  /** The answer, or the error that ended the connection (never rejects). */
  outcome: Promise<Answer | Error>;
};

/**
 * One request over a connection of its own, with the moment it is fully sent and its connection observable —
 * which fetch does not show — for tests that act on what the server has received.
 */
export function sendRequest(url: string, options: { method: string; headers: Record<string, string>; body: string }): SentRequest {
  let resolveWritten!: () => void;
  const written = new Promise<void>((r) => (resolveWritten = r));
  let port: number | undefined;
  const outcome = new Promise<Answer | Error>((resolve) => {
    const req = http.request(url, { method: options.method, headers: options.headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, answeredAt: performance.now() }));
      res.on("error", resolve);
    });
    req.on("socket", (socket) => socket.once("connect", () => (port = socket.localPort)));
    req.on("finish", resolveWritten);
    req.on("error", (error) => {
      resolveWritten();
      resolve(error);
    });
    req.end(options.body);
  });
  return { written, clientPort: () => port, outcome };
}
