// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.s3;

import java.util.Optional;

import org.idx.images.ImageAccessException;

/**
 * Finds the credentials of an S3 image root outside its {@link org.idx.images.StoreSpec}. The UI
 * implements it over Eclipse secure storage and registers it as an OSGi service;
 * {@link S3StoreFactory} asks the registered services first (highest service ranking first), then
 * the AWS profile and environment. Implementations are thread-safe and may be called off the UI
 * thread at any time.
 */
@FunctionalInterface
public interface CredentialsLookup {

    /**
     * @param location the image root (endpoint, bucket, prefix, profile...)
     * @return the credentials stored for it, or empty to fall back to the AWS profile and environment
     * @throws ImageAccessException if the store of credentials cannot be read (e.g. secure storage is locked);
     *                              the message says so in one sentence
     */
    Optional<S3Credentials> find(S3Location location) throws ImageAccessException;
}
