// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny misbehaving HTTP server on 127.0.0.1 for the failure tests: it either never answers (a hung
 * server: the client must time out) or answers every request with one fixed status. Records the
 * request lines it saw.
 */
final class FakeServer implements AutoCloseable {

    private final ServerSocket socket;
    private final int status;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private FakeServer(int status) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.status = status;
        Thread t = new Thread(this::serve, "fake S3 server");
        t.setDaemon(true);
        t.start();
    }

    /** @return a server that accepts connections and never answers */
    static FakeServer silent() throws IOException {
        return new FakeServer(0);
    }

    /**
     * @param status the HTTP status of every answer
     * @return a server that answers every request with that status and an S3 error document
     */
    static FakeServer answering(int status) throws IOException {
        return new FakeServer(status);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    int requests() {
        return requests.get();
    }

    List<String> requestLines() {
        return requestLines;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                open.add(s);
                Thread t = new Thread(() -> answer(s), "fake S3 connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                requests.incrementAndGet();
                requestLines.add(head.lines().findFirst().orElse(""));
                if (status == 0) {
                    Thread.sleep(Long.MAX_VALUE);
                }
                long length = head.lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                        .mapToLong(l -> Long.parseLong(l.substring(15).trim())).findFirst().orElse(0);
                in.skipNBytes(length);
                boolean isHead = head.startsWith("HEAD");
                byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + (status == 503 ? "SlowDown" : "Failure")
                        + "</Code><Message>fake</Message></Error>").getBytes(StandardCharsets.UTF_8);
                String response = "HTTP/1.1 " + status + " Fake\r\nContent-Type: application/xml\r\nContent-Length: "
                        + (isHead ? 0 : body.length) + "\r\n\r\n";
                out.write(response.getBytes(StandardCharsets.US_ASCII));
                if (!isHead) {
                    out.write(body);
                }
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // connection closed
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            b.append((char) c);
            if (b.length() >= 4 && b.substring(b.length() - 4).equals("\r\n\r\n")) {
                return b.toString();
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
