// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The key rules shared by every store (local folder, S3 prefix). */
class ImageKeysTest {

    @ParameterizedTest
    @CsvSource({"plate/A01/img.tif, plate/A01/img.tif", "plate\\A01\\img.tif, plate/A01/img.tif",
            "plate/B01/../A01/./img.tif, plate/A01/img.tif", "./a.tif, a.tif", "a//b.tif, a/b.tif", "a/b/.., a"})
    void normalisesKeysThatStayInside(String key, String expected) throws ImageAccessException {
        assertEquals(expected, ImageKeys.normalize(key, "root"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../a.tif", "a/../../b.tif", "/etc/passwd", "\\\\server\\share\\a.tif", "//server/a.tif", "C:\\a.tif",
            "c:a.tif", "http://host/a.tif", "s3://bucket/a.tif", "file:/a.tif", "a/..", ".", " ", "a\0.tif"})
    void refusesKeysThatLeaveTheRoot(String key) {
        ImageAccessException e = assertThrows(ImageAccessException.class, () -> ImageKeys.normalize(key, "s3://b/p/"));
        assertTrue(e.getMessage().startsWith("Image key '" + key + "' is refused: it "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(image root s3://b/p/)."), e.getMessage());
    }
}
