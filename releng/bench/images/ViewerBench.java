// SPDX-License-Identifier: GPL-3.0-or-later

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.idx.images.ImageRoot;
import org.idx.images.ImageSource;
import org.idx.images.LocalStoreFactory;
import org.idx.images.PlaneCache;
import org.idx.images.PlaneIndex;
import org.idx.images.ReaderDescriptor;
import org.idx.images.ReaderRegistry;
import org.idx.images.StoreRegistry;
import org.idx.images.StoreSpec;
import org.idx.images.display.ContrastRange;
import org.idx.images.tiff.TiffReader;
import org.idx.ui.image.ImageCanvas;
import org.idx.ui.image.ImageComposer;
import org.idx.ui.image.ImageComposer.Composed;

/**
 * What the Image Viewer does to show a 2048x2048 16-bit plane, timed on its real SWT canvas (needs a
 * display, e.g. Xvfb) in a 1000x800 shell:
 * <ul>
 * <li>read + decode: the plane's bytes read from the file (page cache warm) and decoded;</li>
 * <li>first display after the bytes are read: auto contrast (histogram percentiles), channel mapping to
 * ARGB, handing the pixels to the canvas and the synchronous paint (screen-resolution resampling and
 * toolkit image);</li>
 * <li>slider step from cache: the next z plane from the plane cache, mapped with the image's contrast,
 * handed over and painted, as a z/t slider step does.</li>
 * </ul>
 * Usage: java -cp CLASSES:SWT ViewerBench DIR [ROUNDS]
 */
public final class ViewerBench {

	static final int SIZE = 2048;
	static final int PLANES = 8;

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args[0]);
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
		Files.createDirectories(dir);
		String key = "stack-2048-u16-z" + PLANES + ".tif";
		if (!Files.exists(dir.resolve(key))) {
			writeStack(dir.resolve(key));
		}
		ReaderRegistry readers = new ReaderRegistry(List.of(new ReaderDescriptor("tiff", "TIFF", List.of("tif", "tiff"),
				List.of(), 0, "bench", TiffReader::new)));
		StoreRegistry stores = new StoreRegistry(Map.of(StoreSpec.FILE, LocalStoreFactory::new));
		PlaneCache cache = new PlaneCache(1L << 30);
		ImageRoot root = new ImageRoot(stores, readers, cache, StoreSpec.folder(dir));

		Display display = new Display();
		Shell shell = new Shell(display);
		shell.setLayout(new FillLayout());
		ImageCanvas canvas = new ImageCanvas(shell);
		shell.setSize(1000, 800);
		shell.open();
		while (display.readAndDispatch()) {
			// settle
		}
		long[] decode = new long[rounds];
		long[] first = new long[rounds];
		long[] step = new long[rounds * (PLANES - 1)];
		int warm = 3;
		int[] shown = null;
		int[] spare = null;
		for (int r = -warm; r < rounds; r++) {
			cache.clear();
			// read + decode (what happens before the bytes are in memory as a plane)
			long t0 = System.nanoTime();
			ImageSource source = root.open(key);
			for (int z = 0; z < PLANES; z++) {
				root.plane(source, new PlaneIndex(0, z, 0));
				if (z == 0 && r >= 0) {
					decode[r] = System.nanoTime() - t0;
				}
			}
			// first display: auto contrast + mapping + canvas paint
			long t1 = System.nanoTime();
			Composed composed = ImageComposer.compose(new ImageComposer.Request(root, key, 0, 0, -1, null, null, false, null,
					ImageComposer.OwnLabels.IGNORE, 1, SIZE, SIZE, spare));
			spare = shown;
			shown = composed.argb();
			canvas.setImage(composed.argb(), SIZE, SIZE, false);
			canvas.update();
			if (r >= 0) {
				first[r] = System.nanoTime() - t1;
			}
			ContrastRange[] ranges = composed.ranges();
			for (int z = 1; z < PLANES; z++) {
				long t2 = System.nanoTime();
				Composed next = ImageComposer.compose(new ImageComposer.Request(root, key, z, 0, -1, null, ranges, false, null,
						ImageComposer.OwnLabels.IGNORE, 1, SIZE, SIZE, spare));
				spare = shown;
				shown = next.argb();
				canvas.setImage(next.argb(), SIZE, SIZE, true);
				canvas.update();
				if (r >= 0) {
					step[r * (PLANES - 1) + z - 1] = System.nanoTime() - t2;
				}
			}
			while (display.readAndDispatch()) {
				// let the toolkit catch up between rounds
			}
		}
		System.out.printf("image viewer, %dx%d 16-bit, canvas %dx%d, %d rounds (median / best):%n", SIZE, SIZE,
				canvas.getSize().x, canvas.getSize().y, rounds);
		System.out.printf("  read + decode one plane (uncompressed, page cache warm): %7.1f / %7.1f ms%n", ms(median(decode)),
				ms(best(decode)));
		System.out.printf("  first display after the bytes are read (target < 150): %7.1f / %7.1f ms%n", ms(median(first)),
				ms(best(first)));
		System.out.printf("  z slider step from the plane cache (target < 30):      %7.1f / %7.1f ms  (%d steps)%n",
				ms(median(step)), ms(best(step)), step.length);
		shell.dispose();
		display.dispose();
	}

	static long best(long[] v) {
		return Arrays.stream(v).min().orElse(0);
	}

	static long median(long[] v) {
		long[] s = v.clone();
		Arrays.sort(s);
		return s[s.length / 2];
	}

	static double ms(long nanos) {
		return nanos / 1e6;
	}

	/** An uncompressed little-endian stack of 16-bit pages (one strip each): blobs moving from page to page. */
	static void writeStack(Path file) throws IOException {
		Random random = new Random(11);
		int pageBytes = SIZE * SIZE * 2;
		int ifdBytes = 2 + 9 * 12 + 4;
		ByteBuffer b = ByteBuffer.allocate(8 + PLANES * (ifdBytes + pageBytes)).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
		int[] cx = new int[300];
		int[] cy = new int[300];
		for (int i = 0; i < cx.length; i++) {
			cx[i] = random.nextInt(SIZE);
			cy[i] = random.nextInt(SIZE);
		}
		for (int p = 0; p < PLANES; p++) {
			int ifd = b.position();
			int data = ifd + ifdBytes;
			int next = p == PLANES - 1 ? 0 : data + pageBytes;
			int[][] tags = { { 256, 3, SIZE }, { 257, 3, SIZE }, { 258, 3, 16 }, { 259, 3, 1 }, { 262, 3, 1 },
					{ 273, 4, data }, { 277, 3, 1 }, { 278, 3, SIZE }, { 279, 4, pageBytes } };
			b.putShort((short) tags.length);
			for (int[] t : tags) {
				b.putShort((short) t[0]).putShort((short) t[1]).putInt(1).putInt(t[2]);
			}
			b.putInt(next);
			short[] px = new short[SIZE * SIZE];
			for (int i = 0; i < px.length; i++) {
				px[i] = (short) (100 + (int) Math.abs(random.nextGaussian() * 8));
			}
			for (int i = 0; i < cx.length; i++) {
				int radius = 10 + i % 9;
				int peak = 600 + 300 * ((i + p) % 8);
				for (int y = Math.max(0, cy[i] - radius); y < Math.min(SIZE, cy[i] + radius); y++) {
					for (int x = Math.max(0, cx[i] + p * 2 - radius); x < Math.min(SIZE, cx[i] + p * 2 + radius); x++) {
						double d2 = ((x - cx[i] - p * 2) * (x - cx[i] - p * 2) + (y - cy[i]) * (y - cy[i]))
								/ (double) (radius * radius);
						if (d2 < 1) {
							px[y * SIZE + x] = (short) Math.min(65535, (px[y * SIZE + x] & 0xFFFF) + (int) (peak * (1 - d2)));
						}
					}
				}
			}
			for (short v : px) {
				b.putShort(v);
			}
		}
		Files.write(file, b.array());
	}
}
