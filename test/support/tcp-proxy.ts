import net from 'node:net';

export interface TcpProxy {
  port: number;
  /** Drops every open connection and leaves new ones hanging unanswered, as a dead network link does. */
  cut: () => void;
  restore: () => void;
  close: () => Promise<void>;
}

/**
 * A loopback TCP proxy the test controls, so a drill can cut the database without touching the machine's server.
 * `dropOn`, when given, sees what each client sends (with the connection's number, from 0) and drops that connection
 * where it answers true: a link that fails at one exact step of a handshake.
 */
export async function startTcpProxy(
  target: { host: string; port: number },
  { dropOn }: { dropOn?: (sent: Buffer, connection: number) => boolean } = {},
): Promise<TcpProxy> {
  let connections = 0;
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
    const connection = connections++;
    if (dropOn) {
      client.on('data', (sent: Buffer) => {
        if (dropOn(sent, connection)) {
          client.destroy();
          upstream.destroy();
        } else upstream.write(sent);
      });
      upstream.pipe(client);
    } else {
      client.pipe(upstream).pipe(client);
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const dropAll = () => {
    for (const socket of open) socket.destroy();
  };
  return {
    port: (server.address() as net.AddressInfo).port,
    cut: () => {
      cut = true;
      dropAll();
    },
    restore: () => {
      cut = false;
      dropAll();
    },
    close: () =>
      new Promise<void>((resolve) => {
        dropAll();
        server.close(() => resolve());
      }),
  };
}
