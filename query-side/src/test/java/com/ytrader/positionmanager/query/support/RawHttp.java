package com.ytrader.positionmanager.query.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one request per connection: what no HTTP client library sends (a {@code \} or a
 * raw {@code %00} in the target, a 20 KB header, a body that contradicts its headers) goes out byte for byte.
 */
public final class RawHttp {

    /** A response; {@code bodyLength} counts every body byte, {@code body} keeps at most the first 64 KB. */
    public record Response(int status, Map<String, String> headers, byte[] body, long bodyLength) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final int KEPT = 64 * 1024;

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** {@code head} is the request line and headers without the blank line; Host and Connection are added. */
    public Response send(String head, byte[] body) {
        return send(head, body == null ? InputStream.nullInputStream() : new ByteArrayInputStream(body));
    }

    /** Streams the body as it is read, so that a body of hundreds of megabytes needs no memory here. */
    public Response send(String head, InputStream body) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String request = head + "\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n";
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                body.transferTo(out);
                out.flush();
                socket.shutdownOutput();
            } catch (SocketException refusedMidway) {
                // the server answered (and closed) before it took the whole request: its answer is still there
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("request '" + head.lines().findFirst().orElse("") + "' failed", e);
        }
    }

    public Response send(String head) {
        return send(head, InputStream.nullInputStream());
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before the end of the response head: " + headBytes);
            }
            headBytes.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1
                    : b == '\r' ? 1 : 0;
        }
        String[] lines = headBytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        long length = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? chunked(in, body)
                : copy(in, body, Long.MAX_VALUE);
        return new Response(status, headers, body.toByteArray(), length);
    }

    private static long chunked(InputStream in, ByteArrayOutputStream body) throws IOException {
        long total = 0;
        while (true) {
            String size = line(in);
            int semicolon = size.indexOf(';');
            long chunk = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (chunk == 0) {
                return total;
            }
            total += copy(in, body, chunk);
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    /** Reads up to {@code max} bytes (or to the end), keeping the first {@link #KEPT}. */
    private static long copy(InputStream in, ByteArrayOutputStream body, long max) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        while (total < max) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, max - total));
            if (read < 0) {
                break;
            }
            int keep = (int) Math.max(0, Math.min(read, KEPT - body.size()));
            body.write(buffer, 0, keep);
            total += read;
        }
        return total;
    }
}
