// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.idx.images.ImageSource;
import org.idx.images.MultiscaleSource;
import org.idx.images.PlaneIndex;
import org.idx.images.ReadLimits;
import org.idx.images.ShortPlane;
import org.idx.images.testing.PyramidTiff;
import org.idx.images.testing.S3ProxyServer;
import org.idx.images.tiff.TiffReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pyramidal OME-TIFF on a real S3 server (S3Proxy on 127.0.0.1), its requests recorded by a
 * {@link Relay}: opening it, levels and all, costs only the opening GET (its directories lie in the
 * read-ahead), and a coarse level of a channel beyond the read-ahead costs one ranged GET of that
 * level's tile.
 */
class S3PyramidTiffTest {

    private static final String OPENING = "GET /pyramid/images/p.tif HTTP/1.1 bytes=0-" + (S3ImageStore.READ_AHEAD - 1);

    @TempDir
    static Path folder;
    static S3ProxyServer server;
    // 2 channels of 2048x2048 uint16 in 256x256 tiles, 4 levels: about 21 MiB, channel 2 beyond the read-ahead
    static final PyramidTiff FIXTURE = new PyramidTiff(2048, 2048).channels(2).levels(4).tile(256);
    static byte[] tiff;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start(folder, false);
        tiff = FIXTURE.bytes();
        server.put("pyramid", Map.of("images/p.tif", tiff));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void aCoarseLevelCostsOneRequestForItsTiles() throws Exception {
        assertTrue(tiff.length > S3ImageStore.READ_AHEAD + (1 << 20), "the fixture reaches past the read-ahead: " + tiff.length);
        try (Relay relay = new Relay(server.endpoint()); S3ImageStore store = S3Fixtures.factory(S3Options.DEFAULT
                .withRetries(2, Duration.ofMillis(10))).open(S3Fixtures.spec(relay.endpoint(), "pyramid", "images", false))) {
            ImageSource image = new TiffReader().open(store, "p.tif", ReadLimits.DEFAULT);
            MultiscaleSource pyramid = assertInstanceOf(MultiscaleSource.class, image);
            assertEquals(4, pyramid.levelCount());
            assertEquals(3, MultiscaleSource.levelFor(pyramid.levelWidths(), 256.0 / 2048), "fitted into 256 pixels, level 3");
            assertEquals(List.of(OPENING), relay.requests(), "opening, levels included, costs only the opening GET");

            for (int c = 0; c < 2; c++) {
                ShortPlane plane = (ShortPlane) pyramid.level(3).plane(new PlaneIndex(c, 0, 0));
                assertEquals(256, plane.width());
                for (int y = 0; y < 256; y += 17) {
                    for (int x = 0; x < 256; x += 13) {
                        assertEquals(FIXTURE.expected(3, c, x, y), plane.unsigned(y * 256 + x), "level 3, channel " + c + ", " + x + "," + y);
                    }
                }
            }
            List<String> requests = relay.requests();
            assertEquals(2, requests.size(), "channel 1's level 3 lies in the read-ahead, channel 2's costs one GET:\n" + requests);
            String tile = requests.get(1);
            long from = Long.parseLong(tile.substring(tile.indexOf('=') + 1, tile.lastIndexOf('-')));
            long to = Long.parseLong(tile.substring(tile.lastIndexOf('-') + 1));
            assertEquals(256 * 256 * 2, to - from + 1, "one 256x256 uint16 tile: " + tile);
        }
    }
}
