// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.s3;

import java.io.IOException;
import java.util.Optional;

import org.eclipse.equinox.security.storage.EncodingUtils;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.idx.images.ImageAccessException;
import org.idx.images.s3.S3Credentials;
import org.idx.images.s3.S3Location;

/**
 * The access keys of S3 image roots in Eclipse secure storage, one node per endpoint and bucket:
 * {@code /org.idx/s3/<endpoint>/<bucket>} with the key id (plain) and the secret (encrypted). Nothing here
 * is ever written to a {@link org.idx.images.StoreSpec} or a configuration file.
 */
public final class S3SecureStorage {

	/** The node under which every S3 root has its own node. */
	public static final String ROOT_NODE = "/org.idx/s3";
	private static final String KEY_ID = "accessKeyId";
	private static final String SECRET = "secretKey";

	private final ISecurePreferences root;

	/** @param root the secure preferences to use (the default storage, or one opened by a test) */
	public S3SecureStorage(ISecurePreferences root) {
		this.root = root;
	}

	/**
	 * @return the storage over {@link SecurePreferencesFactory#getDefault()}
	 * @throws ImageAccessException if secure storage cannot be opened
	 */
	public static S3SecureStorage getDefault() throws ImageAccessException {
		ISecurePreferences preferences = SecurePreferencesFactory.getDefault();
		if (preferences == null) {
			throw new ImageAccessException("Eclipse secure storage could not be opened; see the Error Log.");
		}
		return new S3SecureStorage(preferences);
	}

	/**
	 * @param location an image root
	 * @return the path of its node, e.g. {@code /org.idx/s3/http:\/\/127.0.0.1:9000/images}
	 */
	static String nodePath(S3Location location) {
		return ROOT_NODE + "/" + EncodingUtils.encodeSlashes(location.endpointName()) + "/" + location.bucket();
	}

	/**
	 * @param location an image root
	 * @return its stored credentials, if any
	 * @throws ImageAccessException if the secret cannot be decrypted (wrong or missing storage password)
	 */
	public Optional<S3Credentials> find(S3Location location) throws ImageAccessException {
		String path = nodePath(location);
		if (!root.nodeExists(path)) {
			return Optional.empty();
		}
		ISecurePreferences node = root.node(path);
		try {
			String id = node.get(KEY_ID, null);
			String secret = node.get(SECRET, null);
			return id == null || secret == null ? Optional.empty() : Optional.of(S3Credentials.of(id, secret));
		} catch (StorageException e) {
			throw new ImageAccessException("The S3 credentials of " + location.describe()
					+ " could not be read from Eclipse secure storage: " + e.getMessage(), e);
		}
	}

	/**
	 * @param location an image root
	 * @return the key id stored for it, if any (it is kept unencrypted, so no password is needed)
	 */
	public Optional<String> keyId(S3Location location) {
		String path = nodePath(location);
		if (!root.nodeExists(path)) {
			return Optional.empty();
		}
		try {
			return Optional.ofNullable(root.node(path).get(KEY_ID, null));
		} catch (StorageException e) {
			return Optional.empty();
		}
	}

	/**
	 * Stores (replaces) the credentials of an image root and saves secure storage.
	 *
	 * @param location    the image root
	 * @param credentials its access key id and secret
	 * @throws ImageAccessException if secure storage cannot encrypt or save them
	 */
	public void store(S3Location location, S3Credentials credentials) throws ImageAccessException {
		ISecurePreferences node = root.node(nodePath(location));
		try {
			node.put(KEY_ID, credentials.accessKeyId(), false);
			node.put(SECRET, credentials.secretKey(), true);
			root.flush();
		} catch (StorageException | IOException e) {
			node.removeNode();
			throw new ImageAccessException("The S3 credentials of " + location.describe()
					+ " could not be saved in Eclipse secure storage: " + e.getMessage(), e);
		}
	}

	/**
	 * Forgets the credentials of an image root.
	 *
	 * @param location the image root
	 * @throws ImageAccessException if secure storage cannot be saved
	 */
	public void remove(S3Location location) throws ImageAccessException {
		String path = nodePath(location);
		if (root.nodeExists(path)) {
			root.node(path).removeNode();
			try {
				root.flush();
			} catch (IOException e) {
				throw new ImageAccessException("Eclipse secure storage could not be saved: " + e.getMessage(), e);
			}
		}
	}
}
