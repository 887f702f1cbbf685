// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.display;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.idx.images.PlaneRegion;

/**
 * A plane (usually one resolution level of a large image) cut into square tiles, for a viewer that reads
 * and keeps only the tiles in view rather than the whole plane. Tile (column, row) covers the pixels
 * {@code [column * tileSize, (column + 1) * tileSize)} across and likewise down, clipped to the plane.
 * Also says when a viewer does better to tile than to read the whole plane ({@link #wantsTiles}).
 *
 * @param width    the plane's width in pixels
 * @param height   the plane's height in pixels
 * @param tileSize the side of a tile in pixels
 */
public record TileGrid(int width, int height, int tileSize) {

    /** The tile side viewers use: 512 pixels, the chunk side of many OME-Zarr and tiled TIFF files. */
    public static final int DEFAULT_TILE_SIZE = 512;

    /** How many times the pixels of a view a plane may have before a viewer reads it in tiles. */
    public static final int WHOLE_PLANE_FACTOR = 16;

    /**
     * One tile of the grid.
     *
     * @param column its column, from 0
     * @param row    its row, from 0
     */
    public record Tile(int column, int row) {
    }

    /** Validates. */
    public TileGrid {
        if (width <= 0 || height <= 0 || tileSize <= 0) {
            throw new IllegalArgumentException("a tile grid needs a positive plane and tile size: " + width + "x" + height
                    + " in tiles of " + tileSize);
        }
    }

    /**
     * Whether a viewer should show a plane tile by tile: when the plane has more pixels than a whole-plane
     * read may return ({@link PlaneRegion#MAX_PIXELS}), or many times the pixels of the view
     * ({@link #WHOLE_PLANE_FACTOR}; the view counts as at least 512x512). Smaller planes are read whole,
     * which is simplest and, once cached, fastest.
     *
     * @param planeWidth  the plane's width
     * @param planeHeight the plane's height
     * @param viewWidth   the view's width in screen pixels
     * @param viewHeight  the view's height in screen pixels
     * @return whether to tile
     */
    public static boolean wantsTiles(int planeWidth, int planeHeight, int viewWidth, int viewHeight) {
        long plane = (long) planeWidth * planeHeight;
        long view = Math.max((long) DEFAULT_TILE_SIZE * DEFAULT_TILE_SIZE, (long) Math.max(1, viewWidth) * Math.max(1, viewHeight));
        return plane > PlaneRegion.MAX_PIXELS || plane > WHOLE_PLANE_FACTOR * view;
    }

    /** @return the number of tile columns */
    public int columns() {
        return (int) ((width + (long) tileSize - 1) / tileSize);
    }

    /** @return the number of tile rows */
    public int rows() {
        return (int) ((height + (long) tileSize - 1) / tileSize);
    }

    /**
     * @param tile a tile of the grid
     * @return its pixels, clipped to the plane
     */
    public PlaneRegion region(Tile tile) {
        if (tile.column() < 0 || tile.row() < 0 || tile.column() >= columns() || tile.row() >= rows()) {
            throw new IllegalArgumentException(tile + " lies outside a grid of " + columns() + "x" + rows() + " tiles");
        }
        int x = tile.column() * tileSize;
        int y = tile.row() * tileSize;
        return new PlaneRegion(x, y, Math.min(tileSize, width - x), Math.min(tileSize, height - y));
    }

    /**
     * The part of the plane a view of the full-resolution image shows, widened by a margin and then to
     * whole tiles, clipped to the plane: the window a viewer reads.
     *
     * @param x0         the view's left edge, in full-resolution pixels (may lie outside the image)
     * @param y0         the view's top edge, in full-resolution pixels
     * @param x1         the view's right edge (exclusive), in full-resolution pixels
     * @param y1         the view's bottom edge (exclusive), in full-resolution pixels
     * @param fullWidth  the full-resolution image's width (this grid's plane is a level of it)
     * @param fullHeight the full-resolution image's height
     * @param margin     pixels of this plane added on every side
     * @return the window, aligned to tiles, or null when the view does not meet the image
     */
    public PlaneRegion window(double x0, double y0, double x1, double y1, int fullWidth, int fullHeight, int margin) {
        double sx = (double) width / fullWidth;
        double sy = (double) height / fullHeight;
        long left = (long) Math.floor(x0 * sx) - margin;
        long top = (long) Math.floor(y0 * sy) - margin;
        long right = (long) Math.ceil(x1 * sx) + margin;
        long bottom = (long) Math.ceil(y1 * sy) + margin;
        left = Math.max(0, Math.floorDiv(left, tileSize) * (long) tileSize);
        top = Math.max(0, Math.floorDiv(top, tileSize) * (long) tileSize);
        right = Math.min(width, Math.ceilDiv(Math.max(0, right), tileSize) * (long) tileSize);
        bottom = Math.min(height, Math.ceilDiv(Math.max(0, bottom), tileSize) * (long) tileSize);
        if (right <= left || bottom <= top) {
            return null;
        }
        return new PlaneRegion((int) left, (int) top, (int) (right - left), (int) (bottom - top));
    }

    /**
     * @param area a rectangle of the plane (may reach past its borders)
     * @return the tiles it meets, the ones nearest its centre first (read first, so the middle of a view
     *         fills in before its edges)
     */
    public List<Tile> covering(PlaneRegion area) {
        int c0 = (int) Math.max(0, Math.floorDiv((long) area.x(), tileSize));
        int r0 = (int) Math.max(0, Math.floorDiv((long) area.y(), tileSize));
        int c1 = (int) Math.min(columns(), Math.ceilDiv((long) area.x() + area.width(), tileSize));
        int r1 = (int) Math.min(rows(), Math.ceilDiv((long) area.y() + area.height(), tileSize));
        List<Tile> tiles = new ArrayList<>();
        for (int r = r0; r < r1; r++) {
            for (int c = c0; c < c1; c++) {
                tiles.add(new Tile(c, r));
            }
        }
        double cx = area.x() + area.width() / 2.0;
        double cy = area.y() + area.height() / 2.0;
        tiles.sort(Comparator.comparingDouble(t -> {
            double dx = (t.column() + 0.5) * tileSize - cx;
            double dy = (t.row() + 0.5) * tileSize - cy;
            return dx * dx + dy * dy;
        }));
        return tiles;
    }
}
