// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.idx.images.BytePlane;
import org.idx.images.FloatPlane;
import org.idx.images.ShortPlane;
import org.junit.jupiter.api.Test;

class PlaneRendererTest {

    @Test
    void greyMapsThroughTheContrastRange() {
        ShortPlane plane = new ShortPlane(4, 1, new short[] {0, 1000, 1255, (short) 60000});
        int[] argb = PlaneRenderer.render(plane, new ChannelStyle(ChannelStyle.GREY, ContrastRange.manual(1000, 1255)), null);
        assertArrayEquals(new int[] {0xFF000000, 0xFF000000, 0xFFFFFFFF, 0xFFFFFFFF}, argb);
        int[] mid = PlaneRenderer.render(new ShortPlane(1, 1, new short[] {1128}),
                new ChannelStyle(ChannelStyle.GREY, ContrastRange.manual(1000, 1255)), null);
        assertEquals(0xFF808080, mid[0]);
    }

    @Test
    void colouredChannelsAddAndSaturate() {
        BytePlane a = new BytePlane(2, 1, new byte[] {(byte) 255, (byte) 128});
        BytePlane b = new BytePlane(2, 1, new byte[] {(byte) 255, 0});
        ContrastRange full = ContrastRange.manual(0, 255);
        int[] argb = PlaneRenderer.render(List.of(a, b),
                List.of(new ChannelStyle(ChannelStyle.MAGENTA, full), new ChannelStyle(ChannelStyle.RED, full)), null);
        assertEquals(0xFFFF00FF, argb[0], "red saturates at 255");
        assertEquals(0xFF800080, argb[1]);
    }

    @Test
    void manyChannelsSaturateWithoutOverflow() {
        List<BytePlane> planes = java.util.Collections.nCopies(9, new BytePlane(1, 1, new byte[] {(byte) 255}));
        List<ChannelStyle> styles = java.util.Collections.nCopies(9, new ChannelStyle(ChannelStyle.GREY, ContrastRange.manual(0, 255)));
        assertEquals(0xFFFFFFFF, PlaneRenderer.render(planes, styles, null)[0]);
    }

    @Test
    void floatPlanesAndBufferReuse() {
        FloatPlane plane = new FloatPlane(3, 1, new float[] {-1f, 0.5f, Float.NaN});
        int[] buffer = new int[3];
        int[] argb = PlaneRenderer.render(plane, new ChannelStyle(ChannelStyle.GREEN, ContrastRange.manual(0, 1)), buffer);
        assertSame(buffer, argb);
        assertArrayEquals(new int[] {0xFF000000, 0xFF008000, 0xFF000000}, argb);
    }

    @Test
    void planesOfDifferentSizesAreRefused() {
        ChannelStyle s = new ChannelStyle(ChannelStyle.GREY, ContrastRange.manual(0, 1));
        assertThrows(IllegalArgumentException.class, () -> PlaneRenderer.render(
                List.of(new BytePlane(1, 2, new byte[2]), new BytePlane(2, 1, new byte[2])), List.of(s, s), null));
    }
}
