// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis.classify;

import java.util.List;
import java.util.Map;

import org.eclipse.swt.widgets.Composite;

/** The {@code messages} of a report (rows left out, values treated as missing...), in a section of their own. */
final class Messages {

	private Messages() {
	}

	/**
	 * @param page   the report page
	 * @param report the report; nothing is shown without messages
	 */
	static void show(ReportWidgets page, Map<String, Object> report) {
		List<Object> messages = ReportTree.list(report.get("messages"));
		if (messages.isEmpty()) {
			return;
		}
		Composite body = page.section("Messages (" + messages.size() + ")", true);
		for (Object message : messages) {
			ReportWidgets.sentence(body, String.valueOf(message), false);
		}
	}
}
