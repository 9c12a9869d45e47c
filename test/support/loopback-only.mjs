// Preloaded into the Portkey gateway's process by the tests (node --import): its start-server.js
// listens without a host, i.e. on every interface; the tests keep every server on 127.0.0.1.
import net from "node:net";

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  if (typeof args[0] === "number" && (args[1] === undefined || typeof args[1] === "function")) args.splice(1, args[1] === undefined ? 1 : 0, "127.0.0.1");
  return listen.apply(this, args);
};
