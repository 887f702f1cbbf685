// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.tests;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * Answers the modal dialogs a test's action opens: a timer looks for a shell with the title and
 * the button, keeps what the dialog says and presses the button, as a user would.
 */
final class Dialogs {

	/** One expected dialog: what it said, once answered. */
	static final class Answer {
		private final List<String> said = new ArrayList<>();
		private boolean answered;
		private boolean cancelled;

		/** @return whether the dialog appeared and was answered */
		boolean answered() {
			return answered;
		}

		/** Stops waiting for the dialog (one that should not appear), so no later test meets it. */
		void cancel() {
			cancelled = true;
		}

		/** @return the texts of the dialog's labels (its message) */
		String message() {
			return String.join("\n", said);
		}
	}

	private Dialogs() {
	}

	/**
	 * Presses {@code button} in the next dialog titled {@code title} that has such a button, within
	 * 60 s.
	 *
	 * @param title  the dialog's title
	 * @param button the button's text (without mnemonic)
	 * @return what the dialog said, filled in when it is answered
	 */
	static Answer answer(String title, String button) {
		Answer answer = new Answer();
		Display display = Display.getCurrent();
		long end = System.currentTimeMillis() + 60_000;
		Runnable[] poll = new Runnable[1];
		poll[0] = () -> {
			if (answer.cancelled) {
				return;
			}
			for (Shell shell : display.getShells()) {
				if (shell.isDisposed() || !shell.isVisible() || !title.equals(shell.getText())) {
					continue;
				}
				Button found = WidgetTree.find(shell, Button.class, b -> button.equals(b.getText().replace("&", "")));
				if (found != null) {
					collectLabels(shell, answer.said);
					answer.answered = true;
					found.notifyListeners(SWT.Selection, new Event());
					return;
				}
			}
			if (System.currentTimeMillis() < end) {
				display.timerExec(100, poll[0]);
			}
		};
		display.timerExec(100, poll[0]);
		return answer;
	}

	private static void collectLabels(Control control, List<String> into) {
		if (control instanceof Label label && !label.getText().isBlank()) {
			into.add(label.getText());
		}
		if (control instanceof org.eclipse.swt.widgets.Composite composite) {
			for (Control child : composite.getChildren()) {
				collectLabels(child, into);
			}
		}
	}
}
