// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the tree of a method's report as a renderer receives it: maps, lists, numbers, strings, and the
 * primitive arrays ({@code long[]}, {@code int[]}, {@code double[]}) methods put in before it is written
 * as JSON. Also formats numbers for table cells (full precision) and for people (4 significant digits).
 */
final class ReportTree {

	private ReportTree() {
	}

	/** @return the value as a map, or null when it is not one */
	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return value instanceof Map<?, ?> ? (Map<String, Object>) value : null;
	}

	/** @return the value as a list (primitive arrays boxed), or an empty list when it is neither */
	static List<Object> list(Object value) {
		List<Object> list = new ArrayList<>();
		if (value instanceof List<?> l) {
			list.addAll(l);
		} else if (value instanceof long[] a) {
			for (long v : a) {
				list.add(v);
			}
		} else if (value instanceof int[] a) {
			for (int v : a) {
				list.add(v);
			}
		} else if (value instanceof double[] a) {
			for (double v : a) {
				list.add(v);
			}
		} else if (value instanceof Object[] a) {
			list.addAll(List.of(a));
		}
		return list;
	}

	/** @return the value as a double; NaN when it is not a number */
	static double number(Object value) {
		return value instanceof Number n ? n.doubleValue() : Double.NaN;
	}

	/** @return the value as text, empty for null */
	static String text(Object value) {
		return value == null ? "" : String.valueOf(value);
	}

	/** @return a value as a table cell: numbers at full precision, whole numbers without a fraction, null and NaN empty */
	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Double || value instanceof Float) {
			double d = ((Number) value).doubleValue();
			if (Double.isNaN(d)) {
				return "";
			}
			return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
		}
		return String.valueOf(value);
	}

	/** @return a number as people read it: 4 significant digits, "NA" for a missing value */
	static String readable(Object value) {
		if (!(value instanceof Number n) || Double.isNaN(n.doubleValue())) {
			return "NA";
		}
		double d = n.doubleValue();
		if (value instanceof Integer || value instanceof Long || (d == Math.rint(d) && Math.abs(d) < 1e6)) {
			return Long.toString((long) d);
		}
		String text = String.format(Locale.ROOT, "%.4g", d);
		if (text.contains("e")) {
			return text.replaceAll("\\.?0+e", "e").replace("e+0", "e+").replace("e-0", "e-");
		}
		return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
	}

	/** @return a table cell shown with 4 significant digits when it is a number, as it is otherwise */
	static String display(String cell) {
		if (cell.isEmpty()) {
			return cell;
		}
		try {
			return readable(Double.parseDouble(cell));
		} catch (NumberFormatException e) {
			return cell;
		}
	}
}
