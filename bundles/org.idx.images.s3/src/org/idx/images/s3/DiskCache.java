// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.s3;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fetched byte ranges kept on disk, at most {@code maxBytes} of them: the least recently used go
 * first. An entry is named by the SHA-256 of its identity (endpoint, bucket, key, ETag, range), so a
 * changed object (new ETag) never returns old bytes. Entries are written to a temporary file and
 * moved into place, so a crash leaves no half-written entry. One cache may serve several stores;
 * thread-safe. Failures to read or write the cache are not errors: the range is fetched again.
 */
public final class DiskCache {

    private static final String SUFFIX = ".bin";

    private final Path folder;
    private final long maxBytes;
    private final Map<String, Long> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long total;

    /**
     * Opens a cache folder (created if missing); entries already there count towards the limit, oldest first.
     *
     * @param folder   the folder
     * @param maxBytes the most bytes kept, {@code > 0}
     * @throws IOException if the folder cannot be created or listed
     */
    public DiskCache(Path folder, long maxBytes) throws IOException {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.folder = Files.createDirectories(folder);
        this.maxBytes = maxBytes;
        record Found(String name, long size, long time) {
        }
        List<Found> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(this.folder)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(SUFFIX)) {
                    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                    found.add(new Found(name, a.size(), a.lastModifiedTime().toMillis()));
                } else if (name.endsWith(".tmp")) {
                    Files.deleteIfExists(file);
                }
            }
        }
        found.sort(Comparator.comparingLong(Found::time));
        synchronized (this) {
            for (Found f : found) {
                entries.put(f.name(), f.size());
                total += f.size();
            }
            evict();
        }
    }

    /** @return the folder */
    public Path folder() {
        return folder;
    }

    /** @return the most bytes kept */
    public long maxBytes() {
        return maxBytes;
    }

    /** @return the bytes kept now */
    public synchronized long sizeInBytes() {
        return total;
    }

    /**
     * @param identity what the bytes are (endpoint, bucket, key, ETag, range)
     * @return the cached bytes, or empty
     */
    public Optional<byte[]> get(String identity) {
        String name = name(identity);
        synchronized (this) {
            if (entries.get(name) == null) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(Files.readAllBytes(folder.resolve(name)));
        } catch (IOException e) {
            forget(name);
            return Optional.empty();
        }
    }

    /**
     * Keeps bytes, unless they alone are more than a quarter of the limit.
     *
     * @param identity what the bytes are
     * @param bytes    the bytes
     */
    public void put(String identity, byte[] bytes) {
        if (bytes.length > maxBytes / 4) {
            return;
        }
        String name = name(identity);
        Path file = folder.resolve(name);
        try {
            Path tmp = Files.createTempFile(folder, "entry", ".tmp");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            return;
        }
        synchronized (this) {
            Long old = entries.put(name, (long) bytes.length);
            total += bytes.length - (old == null ? 0 : old);
            evict();
        }
    }

    private void forget(String name) {
        synchronized (this) {
            Long size = entries.remove(name);
            if (size != null) {
                total -= size;
            }
        }
    }

    private void evict() {
        Iterator<Map.Entry<String, Long>> eldest = entries.entrySet().iterator();
        while (total > maxBytes && eldest.hasNext()) {
            Map.Entry<String, Long> e = eldest.next();
            try {
                Files.deleteIfExists(folder.resolve(e.getKey()));
            } catch (NoSuchFileException ignored) {
                // gone already
            } catch (IOException ignored) {
                // left on disk; no longer counted, a later start removes it when it is the oldest
            }
            total -= e.getValue();
            eldest.remove();
        }
    }

    private static String name(String identity) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest) + SUFFIX;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
