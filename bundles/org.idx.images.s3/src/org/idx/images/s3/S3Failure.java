// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.s3;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

import javax.net.ssl.SSLException;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

/**
 * What went wrong talking to an S3 server, in the words a user needs: one sentence that names the
 * endpoint or bucket and the cause (DNS, refused connection, TLS, timeout, access denied with the
 * key id masked, missing bucket or object, server error). Also decides which failures are worth a
 * retry.
 */
final class S3Failure {

    /** The kinds of failure that change what the caller does. */
    enum Kind {
        /** The object does not exist. */
        MISSING_OBJECT,
        /** The bucket does not exist. */
        MISSING_BUCKET,
        /** Worth another attempt: server error, throttling, timeout, refused or reset connection. */
        TRANSIENT,
        /** Anything else: retrying will not help. */
        PERMANENT
    }

    private final Kind kind;
    private final String sentence;

    private S3Failure(Kind kind, String sentence) {
        this.kind = kind;
        this.sentence = sentence;
    }

    /** @return the kind */
    Kind kind() {
        return kind;
    }

    /** @return one sentence saying what is wrong, ending with a full stop */
    String sentence() {
        return sentence;
    }

    /**
     * @param error       what the SDK or the JDK's HTTP client threw ({@link S3ErrorAnswer} for an error status)
     * @param location    the image root
     * @param keyId       the access key id in use (unmasked; only its masked form reaches the message), empty if
     *                    anonymous or unknown
     * @param readTimeout the read timeout, for messages
     * @param objectKey   the object asked for, or null for bucket-level calls
     * @return the failure
     */
    static S3Failure of(Throwable error, S3Location location, Optional<String> keyId, Duration readTimeout, String objectKey) {
        if (error instanceof AwsServiceException s) {
            String code = s.awsErrorDetails() == null || s.awsErrorDetails().errorCode() == null ? ""
                    : s.awsErrorDetails().errorCode();
            return answered(s.statusCode(), code, s.getMessage(), location, keyId, objectKey);
        }
        if (error instanceof S3ErrorAnswer a) {
            return answered(a.status(), a.code(), a.getMessage(), location, keyId, objectKey);
        }
        return unanswered(error, location, readTimeout);
    }

    /** A failure the server stated: an error status, with the S3 error code if it sent one. */
    private static S3Failure answered(int status, String code, String message, S3Location location, Optional<String> keyId,
            String objectKey) {
        String endpoint = location.endpointName();
        String bucket = "bucket '" + location.bucket() + "'";
        if (status == 403 || status == 401) {
            if (location.anonymous()) {
                return new S3Failure(Kind.PERMANENT, "Anonymous access to " + bucket + " at " + endpoint
                        + " is denied (HTTP " + status + "): the bucket is not public, so credentials are needed.");
            }
            String who = keyId.map(k -> "access key " + S3Credentials.mask(k)).orElse("the configured credentials");
            return new S3Failure(Kind.PERMANENT, "Access to " + bucket + " at " + endpoint + " is denied for " + who
                    + " (HTTP " + status + (code.isEmpty() ? "" : " " + code)
                    + "): check the key id, the secret and the bucket's permissions.");
        }
        if (status == 404 && ("NoSuchBucket".equals(code) || objectKey == null)) {
            return new S3Failure(Kind.MISSING_BUCKET, "The " + bucket + " does not exist at " + endpoint + " (HTTP 404).");
        }
        if (status == 404) {
            return new S3Failure(Kind.MISSING_OBJECT, "Object '" + objectKey + "' does not exist in " + bucket + " at " + endpoint + ".");
        }
        if (status == 416) {
            return new S3Failure(Kind.PERMANENT, "Object '" + objectKey + "' in " + bucket
                    + " is shorter than the range asked for (HTTP 416).");
        }
        if (status == 301 || status == 307 || "PermanentRedirect".equals(code) || "AuthorizationHeaderMalformed".equals(code)) {
            return new S3Failure(Kind.PERMANENT, "The " + bucket + " lives in another region or endpoint than " + endpoint
                    + " (HTTP " + status + (code.isEmpty() ? "" : " " + code) + "): check the region and the endpoint.");
        }
        if (status >= 500 || status == 429) {
            return new S3Failure(Kind.TRANSIENT, endpoint + " answered HTTP " + status + (code.isEmpty() ? "" : " " + code)
                    + " for " + bucket + ": the server is failing or overloaded.");
        }
        return new S3Failure(Kind.PERMANENT, endpoint + " answered HTTP " + status + (code.isEmpty() ? "" : " " + code)
                + " for " + bucket + ": " + firstLine(message) + ".");
    }

    /** A failure without an answer from the server: timeout, DNS, refused connection, TLS, credentials... */
    private static S3Failure unanswered(Throwable error, S3Location location, Duration readTimeout) {
        String endpoint = location.endpointName();
        String bucket = "bucket '" + location.bucket() + "'";
        if (error instanceof ApiCallAttemptTimeoutException || error instanceof ApiCallTimeoutException
                || cause(error, SocketTimeoutException.class) != null) {
            return new S3Failure(Kind.TRANSIENT, endpoint + " did not answer within " + seconds(readTimeout) + " (timeout).");
        }
        UnknownHostException unknown = cause(error, UnknownHostException.class);
        if (unknown != null) {
            return new S3Failure(Kind.PERMANENT, "The host name of " + endpoint + " cannot be found (DNS: "
                    + firstLine(unknown.getMessage()) + "): check the endpoint URL and the network.");
        }
        if (cause(error, ConnectException.class) != null || cause(error, NoRouteToHostException.class) != null) {
            return new S3Failure(Kind.TRANSIENT, "Connection to " + endpoint
                    + " was refused: no S3 server is listening there (check the endpoint URL and port).");
        }
        SSLException tls = cause(error, SSLException.class);
        if (tls != null) {
            return new S3Failure(Kind.PERMANENT, "The TLS (https) connection to " + endpoint + " failed ("
                    + firstLine(tls.getMessage()) + "): check http vs https and the server's certificate.");
        }
        String message = firstLine(error.getMessage());
        if (message.contains("Unable to load credentials")) {
            return new S3Failure(Kind.PERMANENT, "No credentials were found for " + bucket + " at " + endpoint
                    + ": enter them for this image root, set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or an AWS profile,"
                    + " or choose anonymous access.");
        }
        if (cause(error, java.io.IOException.class) != null) {
            return new S3Failure(Kind.TRANSIENT, "The connection to " + endpoint + " failed: " + message + ".");
        }
        return new S3Failure(Kind.PERMANENT, "Talking to " + endpoint + " about " + bucket + " failed: " + message + ".");
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no details";
        }
        String line = message.strip().lines().findFirst().orElse("");
        while (line.endsWith(".")) {
            line = line.substring(0, line.length() - 1);
        }
        return line;
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
