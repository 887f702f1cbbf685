// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.s3;

import java.util.Optional;

import org.idx.images.ImageAccessException;
import org.idx.images.s3.CredentialsLookup;
import org.idx.images.s3.S3Credentials;
import org.idx.images.s3.S3Location;

/**
 * The {@link CredentialsLookup} OSGi service (declarative services component
 * {@code OSGI-INF/credentials.xml}, ranking 100): the keys a user entered on the Configuration page,
 * from {@link S3SecureStorage#getDefault()}. A root without stored keys falls back to the AWS profile
 * and environment.
 */
public final class SecureStorageCredentials implements CredentialsLookup {

	@Override
	public Optional<S3Credentials> find(S3Location location) throws ImageAccessException {
		return S3SecureStorage.getDefault().find(location);
	}
}
