// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.s3;

import java.util.Objects;
import java.util.Optional;

/**
 * An access key pair (and, for temporary credentials, a session token). Never saved in a
 * {@link org.idx.images.StoreSpec}; {@link #toString()} shows the key id masked and hides the secret.
 *
 * @param accessKeyId  the access key id
 * @param secretKey    the secret access key
 * @param sessionToken the session token of temporary credentials, if any
 */
public record S3Credentials(String accessKeyId, String secretKey, Optional<String> sessionToken) {

    /** Validates. */
    public S3Credentials {
        Objects.requireNonNull(accessKeyId);
        Objects.requireNonNull(secretKey);
        Objects.requireNonNull(sessionToken);
    }

    /**
     * @param accessKeyId the access key id
     * @param secretKey   the secret access key
     * @return long-term credentials
     */
    public static S3Credentials of(String accessKeyId, String secretKey) {
        return new S3Credentials(accessKeyId, secretKey, Optional.empty());
    }

    /**
     * Masks a key id for messages: the first four and last four characters stay, e.g. {@code AKIA****WXYZ};
     * a key of 8 characters or fewer becomes {@code ****}.
     *
     * @param accessKeyId a key id
     * @return the masked id
     */
    public static String mask(String accessKeyId) {
        if (accessKeyId == null || accessKeyId.length() <= 8) {
            return "****";
        }
        return accessKeyId.substring(0, 4) + "****" + accessKeyId.substring(accessKeyId.length() - 4);
    }

    /** @return the key id masked, for messages */
    public String maskedKeyId() {
        return mask(accessKeyId);
    }

    @Override
    public String toString() {
        return "S3Credentials[" + maskedKeyId() + "]";
    }
}
