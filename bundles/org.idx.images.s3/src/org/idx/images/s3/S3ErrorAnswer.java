// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.s3;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An S3 server's error answer to a request sent without the SDK (see {@link ObjectGets}): the HTTP
 * status and the {@code Code} and {@code Message} of the S3 error document, if the answer had one.
 * {@link S3Failure} turns it into the same sentence as the SDK's service exceptions.
 */
final class S3ErrorAnswer extends IOException {

    private static final long serialVersionUID = 1L;
    private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Pattern MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");

    private final int status;
    private final String code;

    /**
     * @param status the HTTP status
     * @param body   the answer's body (an S3 error document, or anything else, or empty)
     */
    S3ErrorAnswer(int status, String body) {
        super(message(status, body));
        this.status = status;
        this.code = find(CODE, body);
    }

    private static String message(int status, String body) {
        String message = find(MESSAGE, body);
        return message.isEmpty() ? "HTTP " + status : message;
    }

    private static String find(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        return m.find() ? m.group(1).strip() : "";
    }

    /** @return the HTTP status */
    int status() {
        return status;
    }

    /** @return the S3 error code ({@code NoSuchKey}, {@code AccessDenied}...), or empty */
    String code() {
        return code;
    }
}
