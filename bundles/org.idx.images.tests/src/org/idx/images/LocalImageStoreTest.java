// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalImageStoreTest {

    @TempDir
    Path dir;
    Path root;
    LocalImageStore store;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(dir.resolve("root"));
        Files.createDirectories(root.resolve("plate/A01"));
        Files.write(root.resolve("plate/A01/img.tif"), new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        Files.write(dir.resolve("secret.txt"), new byte[] {42});
        store = new LocalImageStore(root);
    }

    @Test
    void readsWholeObjectsRangesAndSizes() throws IOException {
        assertEquals(10, store.size("plate/A01/img.tif"));
        assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, store.read("plate/A01/img.tif"));
        assertArrayEquals(new byte[] {3, 4, 5}, store.read("plate/A01/img.tif", 3, 3));
        assertArrayEquals(new byte[0], store.read("plate/A01/img.tif", 10, 0));
        assertArrayEquals(new byte[] {2}, store.read("plate\\A01\\img.tif", 2, 1), "Windows separators");
        assertArrayEquals(new byte[] {1}, store.read("plate/B01/../A01/./img.tif", 1, 1), "'..' that stays inside");
    }

    @Test
    void aRangeIsReadInPieces() throws ImageAccessException {
        byte[] into = new byte[8];
        try (RangeInput range = store.openRange("plate/A01/img.tif", 2, 7)) {
            range.readNext(into, 1, 3);
            range.readNext(into, 4, 0);
            range.readNext(into, 5, 3);
            assertThrows(IllegalArgumentException.class, () -> range.readNext(into, 0, 2), "one byte is left");
            range.readNext(into, 0, 1);
        }
        assertArrayEquals(new byte[] {8, 2, 3, 4, 0, 5, 6, 7}, into);
        ImageAccessException e = assertThrows(ImageAccessException.class, () -> store.openRange("plate/A01/img.tif", 8, 3));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("plate/A01/img.tif"), e.getMessage());
        assertThrows(ImageAccessException.class, () -> store.openRange("../secret.txt", 0, 1));
    }

    @Test
    void rangePastTheEndSaysTruncated() {
        ImageAccessException e = assertThrows(ImageAccessException.class, () -> store.read("plate/A01/img.tif", 8, 5));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("plate/A01/img.tif"), e.getMessage());
    }

    @Test
    void missingFileNamesTheResolvedPath() {
        ImageAccessException e = assertThrows(ImageAccessException.class, () -> store.read("plate/A02/img.tif"));
        assertTrue(e.getMessage().contains(root.resolve("plate/A02/img.tif").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void missingRootIsSaid() {
        LocalImageStore gone = new LocalImageStore(dir.resolve("nowhere"));
        ImageAccessException e = assertThrows(ImageAccessException.class, () -> gone.size("a.tif"));
        assertTrue(e.getMessage().contains("image root") && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret.txt", "plate/../../secret.txt", "..\\secret.txt", "/etc/passwd", "\\etc\\passwd",
        "file:///etc/passwd", "http://example.org/a.tif", "s3://bucket/a.tif", "C:\\images\\a.tif", "c:a.tif",
        "\\\\server\\share\\a.tif", "", "  ", "..", ".", "a\0b.tif"})
    void refusesKeysThatLeaveTheRoot(String key) {
        ImageAccessException e = assertThrows(ImageAccessException.class, () -> store.read(key));
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(root.toString()), e.getMessage());
    }

    @Test
    void refusesSymlinksThatEscape() throws IOException {
        Files.createSymbolicLink(root.resolve("link.txt"), dir.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("outside"), dir);
        for (String key : new String[] {"link.txt", "outside/secret.txt"}) {
            ImageAccessException e = assertThrows(ImageAccessException.class, () -> store.read(key));
            assertTrue(e.getMessage().contains("symbolic link") && e.getMessage().contains(root.toString()), e.getMessage());
        }
    }

    @Test
    void followsSymlinksInsideTheRoot() throws IOException {
        Files.createSymbolicLink(root.resolve("alias.tif"), root.resolve("plate/A01/img.tif"));
        assertEquals(10, store.size("alias.tif"));
    }

    @Test
    void aFolderIsNotAnImage() {
        ImageAccessException e = assertThrows(ImageAccessException.class, () -> store.read("plate/A01"));
        assertTrue(e.getMessage().contains("folder"), e.getMessage());
    }
}
