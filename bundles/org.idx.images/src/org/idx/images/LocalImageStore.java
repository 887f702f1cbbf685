// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An {@link ImageStore} over a local folder. Keys follow {@link ImageKeys}; in addition a key is
 * refused when it resolves outside the root through a symbolic link.
 */
public final class LocalImageStore implements ImageStore {

    private final Path root;

    /**
     * @param root the image root folder (it need not exist yet; reads fail with a clear message until it does)
     */
    public LocalImageStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** @return the absolute, normalised root folder */
    public Path root() {
        return root;
    }

    @Override
    public String describe() {
        return root.toString();
    }

    /**
     * Resolves a key to a path inside the root, without touching the file system except to follow
     * symbolic links of existing files.
     *
     * @param key a relative key
     * @return the path inside the root
     * @throws ImageAccessException if the key is refused
     */
    public Path resolve(String key) throws ImageAccessException {
        String k = ImageKeys.normalize(key, root.toString());
        Path resolved;
        try {
            resolved = root.resolve(k).normalize();
        } catch (InvalidPathException e) {
            throw refused(key, "is not a valid path (" + e.getReason() + ")");
        }
        if (!resolved.startsWith(root) || resolved.equals(root)) {
            throw refused(key, "leaves the image root");
        }
        if (Files.exists(resolved)) {
            try {
                Path real = resolved.toRealPath();
                if (!real.startsWith(root.toRealPath())) {
                    throw refused(key, "leads through a symbolic link to " + real + ", outside the image root");
                }
            } catch (IOException e) {
                throw new ImageAccessException("Image '" + key + "' at " + resolved + " cannot be resolved: " + e, e);
            }
        }
        return resolved;
    }

    private ImageAccessException refused(String key, String why) {
        return ImageKeys.refused(key, why, root.toString());
    }

    @Override
    public long size(String key) throws ImageAccessException {
        Path path = resolve(key);
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw failure(key, path, e);
        }
    }

    @Override
    public byte[] read(String key) throws ImageAccessException {
        Path path = resolve(key);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 16) {
                throw new ImageAccessException("Image '" + key + "' at " + path + " is " + size
                        + " bytes, too large to read whole; it must be read by range.");
            }
            return readFully(channel, key, path, 0, (int) size);
        } catch (IOException e) {
            throw failure(key, path, e);
        }
    }

    @Override
    public byte[] read(String key, long offset, int length) throws ImageAccessException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset " + offset + ", length " + length);
        }
        Path path = resolve(key);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (offset + length > size) {
                throw new ImageAccessException("Image '" + key + "' at " + path + " is truncated: bytes " + offset + " to "
                        + (offset + length) + " were asked for but the file has " + size + " bytes.");
            }
            return readFully(channel, key, path, offset, length);
        } catch (IOException e) {
            throw failure(key, path, e);
        }
    }

    /** Reads the pieces of the range straight from the file into the caller's arrays, one read each. */
    @Override
    public RangeInput openRange(String key, long offset, int length) throws ImageAccessException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset " + offset + ", length " + length);
        }
        Path path = resolve(key);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
            long size = channel.size();
            if (offset + length > size) {
                throw new ImageAccessException("Image '" + key + "' at " + path + " is truncated: bytes " + offset + " to "
                        + (offset + length) + " were asked for but the file has " + size + " bytes.");
            }
            RangeInput range = new FileRange(channel, key, path, offset, length);
            channel = null;
            return range;
        } catch (IOException e) {
            throw failure(key, path, e);
        } finally {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // the failure above is what matters
                }
            }
        }
    }

    /** A range of a file, read piece by piece through an open channel. */
    private final class FileRange extends SequentialRange {

        private final FileChannel channel;
        private final String key;
        private final Path path;

        FileRange(FileChannel channel, String key, Path path, long offset, int length) {
            super(offset, length);
            this.channel = channel;
            this.key = key;
            this.path = path;
        }

        @Override
        protected void read(long offset, byte[] into, int at, int length) throws ImageAccessException {
            ByteBuffer buffer = ByteBuffer.wrap(into, at, length);
            long position = offset;
            try {
                while (buffer.hasRemaining()) {
                    int n = channel.read(buffer, position);
                    if (n < 0) {
                        throw new ImageAccessException("Image '" + key + "' at " + path + " ended at byte " + position + ".");
                    }
                    position += n;
                }
            } catch (IOException e) {
                throw failure(key, path, e);
            }
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // read-only: nothing lost
            }
        }
    }

    private static byte[] readFully(FileChannel channel, String key, Path path, long offset, int length) throws IOException {
        byte[] bytes = new byte[length];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long position = offset;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position);
            if (n < 0) {
                throw new ImageAccessException("Image '" + key + "' at " + path + " ended after " + position
                        + " bytes while reading " + length + " bytes from " + offset + ".");
            }
            position += n;
        }
        return bytes;
    }

    private ImageAccessException failure(String key, Path path, IOException e) {
        if (e instanceof ImageAccessException iae) {
            return iae;
        }
        if (e instanceof NoSuchFileException) {
            if (!Files.isDirectory(root)) {
                return new MissingImageException("Image '" + key + "' cannot be read: the image root " + root + " does not exist.", e);
            }
            return new MissingImageException("Image '" + key + "' not found: " + path + " does not exist.", e);
        }
        if (Files.isDirectory(path)) {
            return new ImageAccessException("Image '" + key + "' at " + path + " is a folder, not a file.", e);
        }
        return new ImageAccessException("Image '" + key + "' at " + path + " cannot be read: " + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return "LocalImageStore[" + root + "]";
    }
}
