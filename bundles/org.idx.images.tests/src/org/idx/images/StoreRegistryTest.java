// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.idx.images.extensions.StoreExtensions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreRegistryTest {

    @TempDir
    Path root;

    @Test
    void theBuiltInFileStoreComesThroughTheExtensionPoint() throws Exception {
        StoreExtensions extensions = StoreExtensions.fromPlatform();
        assertTrue(extensions.registry().schemes().contains(StoreSpec.FILE), extensions.problems().toString());
        Files.write(root.resolve("a.bin"), new byte[] { 1, 2, 3 });
        ImageStore store = extensions.registry().open(StoreSpec.folder(root));
        assertArrayEquals(new byte[] { 2, 3 }, store.read("a.bin", 1, 2));
        assertTrue(extensions.registry().test(StoreSpec.folder(root)).contains("exists and is readable"));
    }

    @Test
    void anUnknownSchemeSaysWhichAreInstalled() {
        StoreRegistry registry = new StoreRegistry(Map.of(StoreSpec.FILE, LocalStoreFactory::new));
        ImageAccessException e = assertThrows(ImageAccessException.class,
                () -> registry.open(new StoreSpec("gopher", Map.of())));
        assertEquals("Image roots of kind 'gopher' cannot be opened: no installed plug-in handles them (installed: file).", e.getMessage());
    }

    @Test
    void aMissingFolderOrPathIsNamed() {
        StoreRegistry registry = new StoreRegistry(Map.of(StoreSpec.FILE, LocalStoreFactory::new));
        Path missing = root.resolve("nope");
        ImageAccessException e = assertThrows(ImageAccessException.class, () -> registry.test(StoreSpec.folder(missing)));
        assertEquals("The image root " + missing + " does not exist.", e.getMessage());
        e = assertThrows(ImageAccessException.class, () -> registry.open(new StoreSpec(StoreSpec.FILE, Map.of())));
        assertTrue(e.getMessage().contains("'path' setting is empty"), e.getMessage());
    }

    @Test
    void aMissingObjectIsAMissingImageException() throws Exception {
        ImageStore store = new LocalStoreFactory().open(StoreSpec.folder(root));
        assertInstanceOf(MissingImageException.class, assertThrows(ImageAccessException.class, () -> store.size("x/none.tif")));
    }

    @Test
    void aSpecHoldsSortedUnmodifiableProperties() {
        StoreSpec spec = new StoreSpec("s3", Map.of("bucket", "b", "endpoint", "http://127.0.0.1:9000"));
        assertEquals("[bucket, endpoint]", spec.properties().keySet().toString());
        assertThrows(UnsupportedOperationException.class, () -> spec.properties().put("x", "y"));
        assertThrows(IllegalArgumentException.class, () -> new StoreSpec(" ", Map.of()));
    }
}
