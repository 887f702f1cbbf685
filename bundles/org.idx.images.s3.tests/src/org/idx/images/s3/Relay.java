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
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on 127.0.0.1 in front of a real S3 server, for the tests that must see the requests
 * (which ranges were asked for) or break answers off: it records the request line (without the query,
 * where a presigned URL carries its signature) and {@code Range} header of every request, and can cut
 * the connection of the next request once it has passed a number of bytes of the answer (a server or
 * network failing in the middle of a body). Requests are assumed to have no body (GET, HEAD), which is
 * all the store sends.
 */
final class Relay implements AutoCloseable {

    private final ServerSocket socket;
    private final int targetPort;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile long cutAfter = Long.MAX_VALUE;
    private volatile boolean stall;

    /**
     * @param target the server to relay to (on 127.0.0.1)
     * @throws IOException if no port can be opened
     */
    Relay(URI target) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = target.getPort();
        Thread t = new Thread(this::serve, "S3 relay");
        t.setDaemon(true);
        t.start();
    }

    /** @return the relay's URL */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** @return each request seen so far: its request line without the query, then its {@code Range} header if any */
    List<String> requests() {
        return requests;
    }

    /**
     * @param bytes the connection of the next request is cut after passing this many bytes of its answer
     *              (later requests are not cut)
     */
    void cutNextAnswerAfter(long bytes) {
        cutAfter = bytes;
    }

    /**
     * @param bytes the answer of the next request stalls after this many bytes: the connection stays open
     *              but passes nothing more (a server that stops sending in the middle of a body)
     */
    void stallNextAnswerAfter(long bytes) {
        stall = true;
        cutAfter = bytes;
    }

    /** One relayed connection: the answer bytes passed so far and where to cut. */
    private static final class Link {
        final AtomicLong passed = new AtomicLong();
        volatile long cutAt = Long.MAX_VALUE;
        volatile boolean stall;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(server);
                Link link = new Link();
                start(() -> requests(client, server, link));
                start(() -> answers(server, client, link));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void start(Runnable r) {
        Thread t = new Thread(r, "S3 relay connection");
        t.setDaemon(true);
        t.start();
    }

    /** Copies requests to the server, recording their heads. */
    private void requests(Socket client, Socket server, Link link) {
        try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
            StringBuilder head = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) {
                head.append((char) c);
                if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
                    String range = head.toString().lines().filter(l -> l.toLowerCase().startsWith("range:")).findFirst()
                            .map(l -> " " + l.substring(6).trim()).orElse("");
                    // the query of a presigned URL (its signature) is left out
                    requests.add(head.toString().lines().findFirst().orElse("").replaceFirst("\\?[^ ]*", "") + range);
                    long cut = cutAfter;
                    if (cut != Long.MAX_VALUE) {
                        // the previous answer on this connection has been passed in full: count from here
                        cutAfter = Long.MAX_VALUE;
                        link.stall = stall;
                        stall = false;
                        link.cutAt = link.passed.get() + cut;
                    }
                    // only now the server sees the request, so its answer is counted from the cut's start
                    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    head.setLength(0);
                }
            }
        } catch (IOException e) {
            // connection closed
        } finally {
            close(client, server);
        }
    }

    /** Copies answers to the client, cutting the connection where the link says. */
    private void answers(Socket server, Socket client, Link link) {
        try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                long passed = link.passed.get();
                int pass = (int) Math.min(n, link.cutAt - passed);
                link.passed.set(passed + pass); // counted before the client can see them
                out.write(buffer, 0, pass);
                out.flush();
                if (passed + pass >= link.cutAt) {
                    while (link.stall && !client.isClosed()) {
                        Thread.sleep(20);
                    }
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // connection closed
        } finally {
            close(client, server);
        }
    }

    private static void close(Socket... sockets) {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
