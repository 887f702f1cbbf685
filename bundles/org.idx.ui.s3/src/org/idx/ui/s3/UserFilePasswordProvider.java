// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.s3;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.equinox.security.storage.provider.IPreferencesContainer;
import org.eclipse.equinox.security.storage.provider.PasswordProvider;

/**
 * The master password of Eclipse secure storage when no keyring module of the operating system is
 * installed (the product ships none, and a headless Linux has no keyring): 32 random bytes, made on first
 * use, in {@code ~/.idx/secure-storage.password}, readable by the user only. The secrets are then as safe
 * as the user's home folder: the same as Eclipse's own {@code -eclipse.password} option. An installed
 * keyring module has a higher priority and is used instead.
 */
public final class UserFilePasswordProvider extends PasswordProvider {

	private static final String PROPERTY = "idx.secureStorage.passwordFile";

	@Override
	public PBEKeySpec getPassword(IPreferencesContainer container, int passwordType) {
		try {
			return new PBEKeySpec(password(file()).toCharArray());
		} catch (IOException e) {
			ILog.of(UserFilePasswordProvider.class)
					.log(Status.error("The password file of secure storage " + file() + " could not be read or made.", e));
			return null;
		}
	}

	/** @return the file: the system property {@value #PROPERTY}, else {@code ~/.idx/secure-storage.password} */
	static Path file() {
		String property = System.getProperty(PROPERTY);
		return property != null ? Path.of(property)
				: Path.of(System.getProperty("user.home"), ".idx", "secure-storage.password");
	}

	private static synchronized String password(Path file) throws IOException {
		if (Files.isRegularFile(file)) {
			return Files.readString(file, StandardCharsets.US_ASCII).trim();
		}
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		String password = HexFormat.of().formatHex(random);
		Files.createDirectories(file.toAbsolutePath().getParent());
		Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
		Files.deleteIfExists(temporary);
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		} else {
			Files.createFile(temporary);
		}
		Files.writeString(temporary, password, StandardCharsets.US_ASCII);
		Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		return password;
	}
}
