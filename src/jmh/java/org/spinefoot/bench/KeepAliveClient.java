package org.spinefoot.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * One HTTP/1.1 connection kept alive, for the load benchmark's virtual clients: it sends a POST
 * built from pre-encoded bytes and reads the whole response (status line, headers, a
 * {@code Content-Length} body). Much lighter on the CPU than {@code java.net.http.HttpClient}
 * (no per-request builder, futures or header maps), so on a 2-core machine more of the CPU is
 * left to the server being measured. It speaks only what the service answers: a body framed by
 * {@code Content-Length} (a chunked one is reported as an error, not guessed at). Reconnects
 * after the server closes the connection or on an error. Not thread-safe: one per client thread.
 */
final class KeepAliveClient implements AutoCloseable {
  /** A response: its status, body and the server's own time (Server-Timing, ns; 0 if absent). */
  record Response(int status, byte[] body, long serverNanos) {}

  private final InetSocketAddress address;
  private final int timeoutMillis;
  private final byte[] head;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private byte[] buffer = new byte[16 * 1024];
  private final byte[] line = new byte[8 * 1024];

  /**
   * @param host the Host header (host:port)
   * @param path the request target of every call
   */
  KeepAliveClient(InetSocketAddress address, String host, String path, int timeoutMillis) {
    this.address = address;
    this.timeoutMillis = timeoutMillis;
    this.head = ("POST " + path + " HTTP/1.1\r\nHost: " + host
        + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
        + "Authorization: Bearer ").getBytes(StandardCharsets.US_ASCII);
  }

  /** The part of a request after the token: its length header and the body, encoded once. */
  static byte[] tail(byte[] body) {
    byte[] h = ("\r\nContent-Length: " + body.length + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    byte[] t = Arrays.copyOf(h, h.length + body.length);
    System.arraycopy(body, 0, t, h.length, body.length);
    return t;
  }

  /** POSTs {@code tail} (from {@link #tail}) with this bearer token; throws on any I/O error. */
  Response post(String token, byte[] tail) throws IOException {
    if (socket == null) {
      connect();
    }
    int tokenLength = token.length();
    int size = head.length + tokenLength + tail.length;
    if (buffer.length < size) {
      buffer = new byte[size];
    }
    System.arraycopy(head, 0, buffer, 0, head.length);
    token.getBytes(0, tokenLength, buffer, head.length); // a JWT is ASCII
    System.arraycopy(tail, 0, buffer, head.length + tokenLength, tail.length);
    try {
      out.write(buffer, 0, size);
      out.flush();
      return read();
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  private Response read() throws IOException {
    String status = readLine();
    if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
      throw new IOException("not an HTTP/1.1 status line: " + status);
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    long serverNanos = 0;
    boolean closing = false;
    for (String h = readLine(); !h.isEmpty(); h = readLine()) {
      int colon = h.indexOf(':');
      if (colon < 0) {
        throw new IOException("malformed header: " + h);
      }
      String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = h.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> throw new IOException("unexpected Transfer-Encoding: " + value);
        case "connection" -> closing = value.equalsIgnoreCase("close");
        case "server-timing" -> {
          int at = value.indexOf("dur=");
          if (at >= 0) {
            serverNanos = (long) (Double.parseDouble(value.substring(at + 4)) * 1e6);
          }
        }
        default -> { }
      }
    }
    if (length < 0) {
      throw new IOException("response without Content-Length (status " + code + ")");
    }
    byte[] body = in.readNBytes((int) length);
    if (body.length != length) {
      throw new EOFException("body cut short: " + body.length + " of " + length + " bytes");
    }
    if (closing) {
      close();
    }
    return new Response(code, body, serverNanos);
  }

  private String readLine() throws IOException {
    int n = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed by the server");
      }
      if (b == '\n') {
        int end = n > 0 && line[n - 1] == '\r' ? n - 1 : n;
        return new String(line, 0, end, StandardCharsets.ISO_8859_1);
      }
      if (n == line.length) {
        throw new IOException("header line longer than " + line.length + " bytes");
      }
      line[n++] = (byte) b;
    }
  }

  private void connect() throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    s.setSoTimeout(timeoutMillis);
    s.connect(address, timeoutMillis);
    socket = s;
    in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
    out = s.getOutputStream();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing a broken connection: nothing more to do
      }
      socket = null;
    }
  }
}
