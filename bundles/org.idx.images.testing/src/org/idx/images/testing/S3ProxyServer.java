// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server for tests and benchmarks: S3Proxy (filesystem backend) in a separate java process
 * on 127.0.0.1 and a free port. Its jar comes from the system property {@code idx.s3proxy.jar} (the
 * tests bundle's pom copies it into {@code target/s3proxy/}), else from the local Maven repository.
 */
public final class S3ProxyServer implements AutoCloseable {

    /** The server JVM's options in tests: a quick start and little CPU on a shared machine. */
    public static final List<String> TEST_JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** The access key id the server accepts (masked: {@code AKIA****WXYZ}). */
    public static final String KEY_ID = "AKIAIDXTESTKEY00WXYZ";
    /** The secret the server accepts. */
    public static final String SECRET = "idx-test-secret-key";

    private final Process process;
    private final int port;
    private final boolean anonymous;

    private S3ProxyServer(Process process, int port, boolean anonymous) {
        this.process = process;
        this.port = port;
        this.anonymous = anonymous;
    }

    /** @return the S3Proxy jar */
    public static Path jar() {
        String property = System.getProperty("idx.s3proxy.jar");
        Path jar = property != null ? Path.of(property)
                : Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "gaul", "s3proxy", "4.1.0",
                        "s3proxy-4.1.0-jar-with-dependencies.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Proxy jar not found at " + jar
                    + ": build with Maven (the tests bundle's pom copies it) or set -Didx.s3proxy.jar");
        }
        return jar;
    }

    /**
     * Starts a server and waits until it answers.
     *
     * @param folder    an empty folder for the configuration and the buckets
     * @param anonymous whether the server accepts unsigned requests (authorization none) instead of
     *                  {@link #KEY_ID}/{@link #SECRET}
     * @return the running server
     * @throws Exception if it does not start within a minute
     */
    public static S3ProxyServer start(Path folder, boolean anonymous) throws Exception {
        return start(folder, anonymous, TEST_JVM_OPTIONS);
    }

    /**
     * Starts a server with the given options of its JVM and waits until it answers. Tests use
     * {@link #TEST_JVM_OPTIONS} (quick start, little CPU); a benchmark should let the server's JIT
     * compile fully, as a real object store is not slowed by a test setting.
     *
     * @param folder     an empty folder for the configuration and the buckets
     * @param anonymous  whether the server accepts unsigned requests
     * @param jvmOptions options of the server's JVM, e.g. {@code -Xmx512m}
     * @return the running server
     * @throws Exception if it does not start within a minute
     */
    public static S3ProxyServer start(Path folder, boolean anonymous, List<String> jvmOptions) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path data = Files.createDirectories(folder.resolve("data"));
        Path properties = folder.resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=" + (anonymous ? "none" : "aws-v2-or-v4"),
                "s3proxy.identity=" + KEY_ID,
                "s3proxy.credential=" + SECRET,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + data) + "\n");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString(), "--properties", properties.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve("s3proxy.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("LOG_LEVEL", "warn");
        env.put("JETTY_LOG_LEVEL", "warn");
        Process process = builder.start();
        S3ProxyServer server = new S3ProxyServer(process, port, anonymous);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited with " + process.exitValue() + ": "
                        + Files.readString(folder.resolve("s3proxy.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return server;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        server.close();
        throw new IllegalStateException("S3Proxy did not start within a minute: " + Files.readString(folder.resolve("s3proxy.log")));
    }

    /** @return the server's URL */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** @return the port */
    public int port() {
        return port;
    }

    /**
     * @return a client with the right credentials, for putting fixtures in place (with the SDK's standard
     *         retries: S3Proxy now and then drops a kept-alive connection while a PUT body is written); close it
     */
    public S3Client adminClient() {
        return S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .endpointOverride(endpoint()).forcePathStyle(true)
                .credentialsProvider(anonymous ? AnonymousCredentialsProvider.create()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.standardRetryStrategy())).build();
    }

    /**
     * Creates a bucket (if missing) and puts objects into it.
     *
     * @param bucket  the bucket
     * @param objects key to bytes
     */
    public void put(String bucket, Map<String, byte[]> objects) {
        try (S3Client client = adminClient()) {
            if (client.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
                client.createBucket(b -> b.bucket(bucket));
            }
            for (Map.Entry<String, byte[]> e : objects.entrySet()) {
                client.putObject(b -> b.bucket(bucket).key(e.getKey()), RequestBody.fromBytes(e.getValue()));
            }
        }
    }

    /** Kills the server (as a crash would) and waits for it to be gone. */
    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }
}
