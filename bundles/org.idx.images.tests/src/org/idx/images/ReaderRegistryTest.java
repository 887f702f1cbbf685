// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReaderRegistryTest {

    @TempDir
    Path dir;

    /**
     * The readers exactly as this bundle's plugin.xml contributes them, so that the test also checks
     * plugin.xml (ids, classes, suffixes, magic) without an OSGi runtime.
     */
    static ReaderRegistry builtIn() throws Exception {
        Path pluginXml = Path.of("plugin.xml");
        if (!Files.exists(pluginXml)) {
            pluginXml = Path.of("../org.idx.images/plugin.xml");
        }
        if (!Files.exists(pluginXml)) {
            pluginXml = Path.of(System.getProperty("idx.images.pluginXml", "bundles/org.idx.images/plugin.xml"));
        }
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pluginXml.toFile());
        NodeList nodes = doc.getElementsByTagName("reader");
        List<ReaderDescriptor> readers = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            String cls = e.getAttribute("class");
            readers.add(new ReaderDescriptor(e.getAttribute("id"), e.getAttribute("name"),
                    Arrays.asList(e.getAttribute("suffixes").split(",")), ReaderDescriptor.parseMagic(e.getAttribute("magic")),
                    Integer.parseInt(e.getAttribute("priority")), "org.idx.images",
                    () -> (ImageReader) Class.forName(cls).getDeclaredConstructor().newInstance()));
        }
        return new ReaderRegistry(readers);
    }

    @Test
    void pluginXmlDeclaresTheBuiltInReaders() throws Exception {
        ReaderRegistry registry = builtIn();
        assertEquals(List.of("org.idx.images.tiff", "org.idx.images.imageio"),
                registry.readers().stream().map(ReaderDescriptor::id).toList());
        for (ReaderDescriptor d : registry.readers()) {
            assertInstanceOf(ImageReader.class, d.reader());
        }
    }

    @Test
    void choosesByMagicBeforeSuffix() throws Exception {
        ReaderRegistry registry = builtIn();
        LocalImageStore store = new LocalImageStore(dir);
        Files.write(dir.resolve("a.TIF"), new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0});
        Files.write(dir.resolve("png-named.tif"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0});
        Files.write(dir.resolve("big-endian.dat"), new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        assertEquals("org.idx.images.tiff", registry.select(store, "a.TIF").id());
        assertEquals("org.idx.images.imageio", registry.select(store, "png-named.tif").id());
        assertEquals("org.idx.images.tiff", registry.select(store, "big-endian.dat").id());
    }

    @Test
    void saysWhyNoReaderFits() throws Exception {
        ReaderRegistry registry = builtIn();
        LocalImageStore store = new LocalImageStore(dir);
        Files.write(dir.resolve("notes.txt"), "hello".getBytes());
        Files.write(dir.resolve("fake.tif"), "hello".getBytes());
        ImageAccessException e = assertThrows(ImageAccessException.class, () -> registry.select(store, "notes.txt"));
        assertTrue(e.getMessage().contains("'notes.txt'") && e.getMessage().contains("no reader"), e.getMessage());
        e = assertThrows(ImageAccessException.class, () -> registry.select(store, "fake.tif"));
        assertTrue(e.getMessage().contains("'fake.tif'") && e.getMessage().contains("does not start like"), e.getMessage());
    }

    @Test
    void higherPriorityAndLongerSuffixWin() throws IOException {
        ImageReader dummy = (store, key, limits) -> null;
        ReaderRegistry registry = new ReaderRegistry(List.of(
                new ReaderDescriptor("low", "Low", List.of("tif"), List.of(), 0, "test", () -> dummy),
                new ReaderDescriptor("high", "High", List.of("tif"), List.of(), 5, "test", () -> dummy),
                new ReaderDescriptor("ome", "OME", List.of("ome.tif"), List.of(), -1, "test", () -> dummy)));
        LocalImageStore store = new LocalImageStore(dir);
        assertEquals("high", registry.select(store, "x.tif").id());
        assertEquals("ome", registry.select(store, "x.ome.tif").id());
    }

    @Test
    void aRefusedKeyIsSaidAsItIsNotProbedAsAFolder() throws IOException {
        ImageReader dummy = (store, key, limits) -> null;
        ReaderRegistry registry = new ReaderRegistry(List.of(
                new ReaderDescriptor("png", "PNG", List.of("png"), List.of(new byte[] { (byte) 0x89, 'P' }), 0, "test", () -> dummy),
                new ReaderDescriptor("zarr", "Zarr", List.of("zarr"), List.of(), List.of("zarr.json", ".zattrs"), 0, "test",
                        () -> dummy)));
        LocalImageStore store = new LocalImageStore(dir);
        ImageAccessException refused = assertThrows(ImageAccessException.class, () -> registry.select(store, "../escape.png"));
        assertTrue(refused.getMessage().startsWith("Image key '../escape.png' is refused: it leaves the image root"),
                refused.getMessage());
        assertInstanceOf(MissingImageException.class, assertThrows(ImageAccessException.class,
                () -> registry.select(store, "missing.png")));
    }

    @Test
    void aReaderThatCannotBeCreatedIsReported() {
        ReaderDescriptor broken = new ReaderDescriptor("broken", "Broken", List.of("x"), List.of(), 0, "org.example",
                () -> {
                    throw new ClassNotFoundException("org.example.Missing");
                });
        ImageAccessException e = assertThrows(ImageAccessException.class, broken::reader);
        assertTrue(e.getMessage().contains("broken") && e.getMessage().contains("org.example"), e.getMessage());
    }
}
