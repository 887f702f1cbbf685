// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis.anova;

import java.util.Locale;

import org.idx.plot.axis.AxisMapping;
import org.idx.plot.axis.Tick;
import org.idx.plot.stats.BoxStats;

/** The box plot as an SVG document, drawn as {@link BoxPlotPainter} draws it on screen. */
final class BoxPlotSvg {

	private BoxPlotSvg() {
	}

	/**
	 * @param data   the box plot
	 * @param width  the document width in pixels
	 * @param height the document height in pixels
	 * @return the SVG document
	 */
	static String of(BoxPlotData data, int width, int height) {
		BoxPlotLayout layout = new BoxPlotLayout(data, width, height);
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
				+ "font-family=\"sans-serif\" font-size=\"11\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", width, height));
		AxisMapping y = layout.y();
		svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"black\"/>%n",
				layout.left(), layout.top(), layout.plotWidth(), layout.plotHeight()));
		for (Tick tick : layout.ticks()) {
			if (!tick.major()) {
				continue;
			}
			double py = layout.top() + y.toPixel(tick.value());
			svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.2f\" x2=\"%d\" y2=\"%.2f\" stroke=\"black\"/>%n",
					layout.left() - 5, py, layout.left(), py));
			svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.2f\" text-anchor=\"end\" dominant-baseline=\"middle\">%s</text>%n",
					layout.left() - 8, py, escape(tick.label())));
		}
		svg.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" text-anchor=\"middle\">%s</text>%n",
				layout.top() + layout.plotHeight() / 2, layout.top() + layout.plotHeight() / 2, escape(data.valueName())));
		for (int g = 0; g < data.boxes().length; g++) {
			BoxStats box = data.boxes()[g];
			double cx = layout.centre(g);
			double half = layout.boxWidth() / 2.0;
			if (box.n() > 0) {
				double q1 = layout.top() + y.toPixel(box.q1());
				double q3 = layout.top() + y.toPixel(box.q3());
				double median = layout.top() + y.toPixel(box.median());
				double low = layout.top() + y.toPixel(box.lowerWhisker());
				double high = layout.top() + y.toPixel(box.upperWhisker());
				svg.append(String.format(Locale.ROOT, "<g stroke=\"black\"><line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\"/>"
						+ "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\"/>"
						+ "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"#9ecae1\"/>"
						+ "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke-width=\"2\"/></g>%n",
						cx, high, cx, q3, cx, q1, cx, low, cx - half, q3, 2 * half, Math.max(0.5, q1 - q3), cx - half, median,
						cx + half, median));
				for (double outlier : box.outlierValues()) {
					svg.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"1.5\" fill=\"none\" stroke=\"black\"/>%n", cx,
							layout.top() + y.toPixel(outlier)));
				}
			}
			svg.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%d\" text-anchor=\"end\" transform=\"rotate(-40 %.2f %d)\">%s</text>%n",
					cx, layout.top() + layout.plotHeight() + 14, cx, layout.top() + layout.plotHeight() + 14, escape(data.names().get(g))));
		}
		return svg.append("</svg>\n").toString();
	}

	private static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
