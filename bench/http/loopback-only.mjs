// Preloaded into the Portkey gateway's process by the HTTP bench (`node --import`): a server that
// listens without naming a host would take every interface; this pins it to 127.0.0.1.
import net from "node:net";

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  if (typeof args[0] === "number") return listen.call(this, args[0], "127.0.0.1", ...args.slice(typeof args[1] === "string" ? 2 : 1));
  if (typeof args[0] === "object" && args[0] !== null && "port" in args[0]) return listen.call(this, { ...args[0], host: "127.0.0.1" }, ...args.slice(1));
  return listen.apply(this, args);
};
