// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** The {@code file} scheme: a {@link LocalImageStore} at the spec's {@code path}. */
public final class LocalStoreFactory implements ImageStoreFactory {

    @Override
    public ImageStore open(StoreSpec spec) throws ImageAccessException {
        return new LocalImageStore(folder(spec));
    }

    @Override
    public String test(StoreSpec spec) throws ImageAccessException {
        Path folder = folder(spec).toAbsolutePath().normalize();
        if (!Files.exists(folder)) {
            throw new ImageAccessException("The image root " + folder + " does not exist.");
        }
        if (!Files.isDirectory(folder)) {
            throw new ImageAccessException("The image root " + folder + " is a file, not a folder.");
        }
        if (!Files.isReadable(folder)) {
            throw new ImageAccessException("The image root " + folder + " cannot be read (permission denied).");
        }
        return "Folder " + folder + " exists and is readable.";
    }

    private static Path folder(StoreSpec spec) throws ImageAccessException {
        String path = spec.property(StoreSpec.PATH);
        if (path == null || path.isBlank()) {
            throw new ImageAccessException("The image root has no folder: the '" + StoreSpec.PATH + "' setting is empty.");
        }
        try {
            return Path.of(path);
        } catch (InvalidPathException e) {
            throw new ImageAccessException("The image root '" + path + "' is not a valid folder path (" + e.getReason() + ").");
        }
    }
}
