// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.render;

/** Source-over compositing of non-premultiplied ARGB colours. */
final class Blend {

    private Blend() {
    }

    /**
     * @param argb a colour
     * @param alpha an opacity 0-255 to multiply in
     * @return the colour with its alpha scaled
     */
    static int withAlpha(int argb, int alpha) {
        if (alpha == 255) {
            return argb;
        }
        int a = ((argb >>> 24) * alpha + 127) / 255;
        return (a << 24) | (argb & 0xFFFFFF);
    }

    /**
     * @param src the colour painted on top
     * @param dst the colour underneath
     * @return {@code src} over {@code dst}
     */
    static int over(int src, int dst) {
        int sa = src >>> 24;
        if (sa == 255) {
            return src;
        }
        int da = dst >>> 24;
        if (sa == 0) {
            return dst;
        }
        if (da == 0) {
            return src;
        }
        int ia = 255 - sa;
        if (da == 255) {
            int r = (((src >> 16) & 0xFF) * sa + ((dst >> 16) & 0xFF) * ia + 127) / 255;
            int g = (((src >> 8) & 0xFF) * sa + ((dst >> 8) & 0xFF) * ia + 127) / 255;
            int b = ((src & 0xFF) * sa + (dst & 0xFF) * ia + 127) / 255;
            return 0xFF000000 | (r << 16) | (g << 8) | b;
        }
        int dw = da * ia; // destination weight scaled by 255
        int oa255 = sa * 255 + dw; // output alpha scaled by 255
        int r = (((src >> 16) & 0xFF) * sa * 255 + ((dst >> 16) & 0xFF) * dw + oa255 / 2) / oa255;
        int g = (((src >> 8) & 0xFF) * sa * 255 + ((dst >> 8) & 0xFF) * dw + oa255 / 2) / oa255;
        int b = ((src & 0xFF) * sa * 255 + (dst & 0xFF) * dw + oa255 / 2) / oa255;
        int oa = (oa255 + 127) / 255;
        return (oa << 24) | (r << 16) | (g << 8) | b;
    }
}
