// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.s3;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.services.s3.S3Utilities;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Ranged GETs of object bytes through the JDK's {@link HttpURLConnection} on presigned URLs (or, for
 * anonymous access, the object's plain URL): the SDK's SigV4 signer signs the URL (query-string
 * authentication), the JDK moves the bytes from the socket straight into the caller's array. The
 * SDK's own {@code getObject} costs more per request (endpoint rules, interceptors, response handling
 * and its client's copying): measured against a local S3 server, 1.5-2.5 ms more for a 1-7 MiB range.
 * So does its {@code S3Presigner} (0.6-5 ms per URL while the JIT is still warming up, against
 * 0.1-0.3 ms for the signer alone): the object URLs are therefore built here, from the bucket's base
 * URL the SDK gives once (endpoint, path-style or virtual-host addressing) and the key encoded as the
 * SDK encodes S3 keys. The store keeps the SDK client for HEAD requests and bucket checks.
 * <p>
 * Failures are the JDK's own ({@link java.net.SocketTimeoutException} when no byte arrives within the read
 * timeout, {@link java.net.ConnectException}, {@link java.net.UnknownHostException},
 * {@link javax.net.ssl.SSLException}) or an {@link S3ErrorAnswer} for an error status; {@link S3Failure}
 * words them as it words the SDK's. Thread-safe.
 */
final class ObjectGets {

    /** How long a presigned URL is valid; each request presigns anew, so this only has to cover one request. */
    private static final Duration SIGNATURE_VALIDITY = Duration.ofMinutes(15);
    /** The key whose URL gives the bucket's base URL. */
    private static final String PROBE_KEY = "k";
    /** The most bytes of an error document read. */
    private static final int ERROR_BODY_LIMIT = 64 * 1024;

    /** An answer whose body is being read: close it when done, abort it to drop the connection. */
    static final class Answer implements AutoCloseable {

        private final HttpURLConnection connection;
        private final InputStream body;
        private volatile boolean aborted;

        private Answer(HttpURLConnection connection, InputStream body) {
            this.connection = connection;
            this.body = body;
        }

        /** @return the body */
        InputStream body() {
            return body;
        }

        /** @return the body's length as announced, or -1 */
        long contentLength() {
            return connection.getContentLengthLong();
        }

        /** @return the {@code Content-Range} header, or null */
        String contentRange() {
            return connection.getHeaderField("Content-Range");
        }

        /** @return the ETag, or empty */
        String etag() {
            String etag = connection.getHeaderField("ETag");
            return etag == null ? "" : etag;
        }

        /** Drops the connection, so that a blocked read of the body ends; for a body not read to its end. */
        void abort() {
            aborted = true;
            connection.disconnect();
        }

        /** Closes the body (a body read to its end leaves the connection for reuse); nothing to do once aborted. */
        @Override
        public void close() throws IOException {
            if (!aborted) {
                body.close();
            }
        }
    }

    private final String bucket;
    private final S3Utilities utilities;
    private final String base;
    private final String region;
    private final AwsCredentialsProvider credentials;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final int connectMillis;
    private final int readMillis;

    /**
     * @param bucket      the bucket
     * @param region      the signing region
     * @param utilities   the SDK's URLs of the store's client (endpoint, addressing)
     * @param credentials the credentials to sign with, or null for anonymous access (unsigned URLs)
     * @param options     the timeouts
     */
    ObjectGets(String bucket, String region, S3Utilities utilities, AwsCredentialsProvider credentials, S3Options options) {
        this.bucket = bucket;
        this.region = region;
        this.utilities = utilities;
        this.credentials = credentials;
        String probe = utilities.getUrl(b -> b.bucket(bucket).key(PROBE_KEY)).toString();
        this.base = probe.endsWith("/" + PROBE_KEY) ? probe.substring(0, probe.length() - PROBE_KEY.length()) : null;
        this.connectMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, options.connectTimeout().toMillis()));
        this.readMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, options.readTimeout().toMillis()));
    }

    /**
     * Sends a ranged GET and waits for the answer's head.
     *
     * @param object  the object key
     * @param first   the first byte wanted
     * @param last    the last byte wanted
     * @param ifMatch the ETag the object must still have, or empty for any
     * @return the answer (2xx), its body still to be read
     * @throws S3ErrorAnswer if the server answered with an error status
     * @throws IOException   if the request failed (DNS, refused, TLS, timeout...)
     */
    Answer get(String object, long first, long last, String ifMatch) throws IOException {
        HttpURLConnection c = (HttpURLConnection) url(object).openConnection();
        c.setConnectTimeout(connectMillis);
        c.setReadTimeout(readMillis);
        c.setUseCaches(false);
        c.setInstanceFollowRedirects(false);
        c.setRequestProperty("Range", "bytes=" + first + "-" + last);
        if (!ifMatch.isEmpty()) {
            c.setRequestProperty("If-Match", ifMatch);
        }
        boolean answered = false;
        try {
            int status = c.getResponseCode();
            if (status / 100 != 2) {
                throw new S3ErrorAnswer(status, errorBody(c));
            }
            Answer answer = new Answer(c, c.getInputStream());
            answered = true;
            return answer;
        } finally {
            if (!answered) {
                c.disconnect();
            }
        }
    }

    /** @return the object's URL, presigned unless access is anonymous */
    private URL url(String object) throws IOException {
        URI plain;
        try {
            plain = base != null ? new URI(base + SdkHttpUtils.urlEncodeIgnoreSlashes(object))
                    : utilities.getUrl(b -> b.bucket(bucket).key(object)).toURI();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Object key '" + object + "' gives no valid URL: " + e.getMessage(), e);
        }
        if (credentials == null) {
            return plain.toURL();
        }
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(plain).build();
        return signer.sign(r -> r.identity(credentials.resolveCredentials()).request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, SIGNATURE_VALIDITY)).request().getUri().toURL();
    }

    private static String errorBody(HttpURLConnection c) {
        try (InputStream in = c.getErrorStream()) {
            return in == null ? "" : new String(in.readNBytes(ERROR_BODY_LIMIT), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
