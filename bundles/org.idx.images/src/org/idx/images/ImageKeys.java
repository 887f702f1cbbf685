// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * The rules every {@link ImageStore} applies to a key before it touches its root: a key is a
 * relative, '/'-separated path ('\' is read as a separator so that tables written on Windows work).
 * A key is refused when it is empty, contains a NUL, is absolute, a URL, a Windows drive or UNC path,
 * or when its {@code ..} segments leave the root. One place for these rules, so that a local folder
 * and an object-store prefix refuse exactly the same keys.
 */
public final class ImageKeys {

    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private ImageKeys() {
    }

    /**
     * Normalises a key: separators become '/', empty and {@code .} segments go, {@code ..} removes the
     * segment before it.
     *
     * @param key  a key from a table or a reader
     * @param root the store's root, for messages (e.g. a folder or {@code s3://bucket/prefix})
     * @return the normalised key: relative, '/'-separated, without {@code .} or {@code ..} segments, not empty
     * @throws ImageAccessException if the key is refused; the message names the key, the reason and the root
     */
    public static String normalize(String key, String root) throws ImageAccessException {
        if (key == null || key.isBlank()) {
            throw refused(key, "is empty", root);
        }
        if (key.indexOf('\0') >= 0) {
            throw refused(key, "contains a NUL character", root);
        }
        String k = key.replace('\\', '/');
        if (k.startsWith("//")) {
            throw refused(key, "is a UNC network path; keys must be relative paths inside the image root", root);
        }
        if (k.startsWith("/")) {
            throw refused(key, "is an absolute path; keys must be relative paths inside the image root", root);
        }
        if (DRIVE.matcher(k).matches()) {
            throw refused(key, "is a Windows drive path; keys must be relative paths inside the image root", root);
        }
        if (URL.matcher(k).matches()) {
            throw refused(key, "is a URL; keys must be relative paths inside the image root", root);
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : k.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    throw refused(key, "leaves the image root", root);
                }
                segments.removeLast();
            } else {
                segments.addLast(segment);
            }
        }
        if (segments.isEmpty()) {
            throw refused(key, "names the image root itself, not an image inside it", root);
        }
        return String.join("/", segments);
    }

    /**
     * @param key  the refused key
     * @param why  the reason, completing "it ..."
     * @param root the store's root
     * @return the exception a store throws for a refused key
     */
    public static ImageAccessException refused(String key, String why, String root) {
        return new ImageAccessException("Image key '" + key + "' is refused: it " + why + " (image root " + root + ").");
    }
}
