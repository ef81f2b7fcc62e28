import net from 'node:net';

export interface TcpProxy {
  port: number;
  /** Drops every open connection and leaves new ones hanging unanswered, as a dead network link does. */
  cut: () => void;
  restore: () => void;
  close: () => Promise<void>;
}

/** A loopback TCP proxy the test controls, so a drill can cut the database without touching the machine's server. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let cut = false;
  const open = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = net.createServer((client) => {
    track(client);
    if (cut) return; // accepted and never answered
    const upstream = net.connect(target);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const dropAll = () => { for (const socket of open) socket.destroy(); };
  return {
    port: (server.address() as net.AddressInfo).port,
    cut: () => { cut = true; dropAll(); },
    restore: () => { cut = false; dropAll(); },
    close: () => new Promise<void>((resolve) => { dropAll(); server.close(() => resolve()); }),
  };
}
