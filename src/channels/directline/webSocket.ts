// The server side of RFC 6455, only as much as the Direct Line activity stream needs: the handshake,
// text frames to the browser, and close / ping from it. botframework-directlinejs reconnects a broken
// WebSocket by itself (GET /conversations/:id, then a new stream), whereas its polling loop stops for good
// at the first network error: this is what lets a chat survive a network blip.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
/** The client only sends empty keep-alive messages; anything bigger is not a Direct Line client. */
const MAX_CLIENT_PAYLOAD = 4096;
/** The client pings every 20 s; a socket silent for longer is dead (e.g. a laptop that went to sleep). */
const IDLE_TIMEOUT_MS = 65_000;

export interface StreamSocket {
  send(text: string): void;
  close(code?: number): void;
  readonly closed: boolean;
}

/** Refuses an upgrade with a plain HTTP status and drops the connection. */
export function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  if (!socket.writable) return void socket.destroy();
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  let header: Buffer;
  if (length < 126) {
    header = Buffer.from([0x80 | opcode, length]);
  } else if (length < 0x10000) {
    header = Buffer.alloc(4);
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else {
    header = Buffer.alloc(10);
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  header[0] = 0x80 | opcode;
  return Buffer.concat([header, payload]);
}

const closePayload = (code: number): Buffer => {
  const payload = Buffer.alloc(2);
  payload.writeUInt16BE(code, 0);
  return payload;
};

/** Completes the handshake; undefined (and the connection refused) when the request is not a WebSocket one. */
export function acceptWebSocket(req: IncomingMessage, socket: Duplex, onClose: () => void): StreamSocket | undefined {
  const key = req.headers['sec-websocket-key'];
  if (String(req.headers.upgrade ?? '').toLowerCase() !== 'websocket' || typeof key !== 'string' || req.headers['sec-websocket-version'] !== '13') {
    refuseUpgrade(socket, 400, 'Bad Request');
    return undefined;
  }
  const accept = createHash('sha1').update(key + GUID).digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);

  let closed = false;
  let pending: Buffer = Buffer.alloc(0);
  const finish = () => {
    if (closed) return;
    closed = true;
    onClose();
  };
  const close = (code = 1000) => {
    if (closed) return;
    if (socket.writable) socket.end(frame(0x8, closePayload(code)));
    else socket.destroy();
    finish();
  };

  // Client frames are always masked; only control frames matter here.
  const read = (chunk: Buffer) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    while (pending.length >= 2 && !closed) {
      const opcode = pending[0]! & 0x0f;
      const masked = (pending[1]! & 0x80) !== 0;
      let length = pending[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (pending.length < 4) return;
        length = pending.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        return close(1009);
      }
      if (!masked) return close(1002);
      if (length > MAX_CLIENT_PAYLOAD) return close(1009);
      if (pending.length < offset + 4 + length) return;
      const mask = pending.subarray(offset, offset + 4);
      const payload = Buffer.from(pending.subarray(offset + 4, offset + 4 + length));
      for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
      pending = pending.subarray(offset + 4 + length);
      if (opcode === 0x8) return close(payload.length >= 2 ? payload.readUInt16BE(0) : 1000);
      if (opcode === 0x9) socket.write(frame(0xa, payload));
      // Text, binary, continuation and pong frames carry nothing the service needs.
    }
  };

  // The upgrade hands over a net.Socket, typed as a Duplex.
  const tcp = socket as Duplex & Partial<Pick<Socket, 'setNoDelay' | 'setTimeout'>>;
  tcp.setNoDelay?.(true);
  tcp.setTimeout?.(IDLE_TIMEOUT_MS, () => socket.destroy());
  socket.on('data', read);
  socket.on('error', () => socket.destroy());
  socket.on('close', finish);

  return {
    send(text) {
      if (!closed && socket.writable) socket.write(frame(0x1, Buffer.from(text, 'utf8')));
    },
    close,
    get closed() {
      return closed;
    },
  };
}
