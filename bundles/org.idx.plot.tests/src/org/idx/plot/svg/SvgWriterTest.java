// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.svg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.InflaterInputStream;

import org.idx.plot.axis.PlotAxis;
import org.idx.plot.render.ArgbRaster;
import org.idx.plot.render.PointColors;
import org.idx.plot.render.RenderOptions;
import org.idx.plot.render.Viewport;
import org.idx.plot.stats.Bins;
import org.idx.plot.stats.Histogram;
import org.junit.jupiter.api.Test;

class SvgWriterTest {

    private static final Viewport VIEWPORT = new Viewport(PlotAxis.linear(0, 10), PlotAxis.linear(0, 10), 100, 100);

    @Test
    void fewPointsBecomeCircles() {
        String svg = SvgWriter.scatter(new double[] {1, 2, 20}, new double[] {1, 2, 3}, PointColors.uniform(0xFF0000FF),
                null, VIEWPORT, RenderOptions.defaults(), 10);
        assertEquals(2, count(svg, "<circle"), "the point outside the viewport is left out");
        assertTrue(svg.contains("fill=\"#0000ff\""));
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    }

    @Test
    void foregroundCirclesAreWrittenAfterTheOthers() {
        int[] codes = {0, -1, -1};
        PointColors colors = PointColors.indexed(codes,
                org.idx.plot.render.Palette.of(0xFFC4C4C4, 0xFFFF0000));
        java.util.BitSet labelled = new java.util.BitSet();
        labelled.set(0);
        String svg = SvgWriter.scatter(new double[] {1, 2, 3}, new double[] {1, 2, 3}, colors, labelled, null,
                VIEWPORT, RenderOptions.defaults(), 10);
        assertEquals(3, count(svg, "<circle"));
        assertTrue(svg.lastIndexOf("fill=\"#c4c4c4\"") < svg.indexOf("fill=\"#ff0000\""),
                "the labelled point is drawn last, above the unlabelled ones");
    }

    @Test
    void manyPointsBecomeAnEmbeddedPng() {
        double[] x = new double[50];
        Arrays.fill(x, 5);
        String svg = SvgWriter.scatter(x, x, PointColors.uniform(0xFF0000FF), null, VIEWPORT, RenderOptions.defaults(),
                10);
        assertEquals(0, count(svg, "<circle"));
        assertTrue(svg.contains("href=\"data:image/png;base64,"));
    }

    @Test
    void histogramBarsAreStacked() {
        Histogram h = Histogram.of(new double[] {1, 1, 6}, new Bins(0, 10, 2), new int[] {0, 1, 0}, 2, null);
        String svg = SvgWriter.histogram(h, new int[] {0xFFFF0000, 0xFF00FF00}, 200, 100);
        assertEquals(3 + 1, count(svg, "<rect"), "three bar segments and the frame");
    }

    @Test
    void pngHasSignatureHeaderAndPixels() throws Exception {
        ArgbRaster r = new ArgbRaster(2, 1);
        r.pixels()[0] = 0x80FF0000;
        r.pixels()[1] = 0xFF00FF00;
        byte[] png = PngEncoder.encode(r);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, Arrays.copyOf(png, 8));
        assertEquals("IHDR", new String(png, 12, 4, "US-ASCII"));
        assertEquals(2, png[19]);
        assertEquals(1, png[23]);
        int idatLength = ((png[33] & 0xFF) << 24) | ((png[34] & 0xFF) << 16) | ((png[35] & 0xFF) << 8) | (png[36] & 0xFF);
        byte[] data = Arrays.copyOfRange(png, 41, 41 + idatLength);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(data))) {
            in.transferTo(raw);
        }
        assertArrayEquals(new byte[] {0, (byte) 0xFF, 0, 0, (byte) 0x80, 0, (byte) 0xFF, 0, (byte) 0xFF},
                raw.toByteArray());
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
