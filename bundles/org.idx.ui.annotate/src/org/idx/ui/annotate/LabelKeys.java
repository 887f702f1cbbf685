// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.annotate;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.contexts.IContextActivation;
import org.eclipse.ui.contexts.IContextService;

/**
 * Turns the number keys into labelling keys exactly while an IDX part is active and the focus is
 * not in a field that takes typing (the table's filter, a dialog's text): it activates the context
 * {@value #CONTEXT}, in which keys 0-9 are bound, at those times only.
 */
final class LabelKeys {

	/** The context of the labelling keys. */
	static final String CONTEXT = "org.idx.ui.annotate.labelKeys";

	private final IWorkbenchWindow window;
	private final IContextService contexts;
	private IContextActivation activation;
	private boolean scheduled;

	private final Listener focusListener = event -> schedule();
	private final IPartListener2 partListener = new IPartListener2() {
		@Override
		public void partActivated(IWorkbenchPartReference ref) {
			schedule();
		}

		@Override
		public void partDeactivated(IWorkbenchPartReference ref) {
			schedule();
		}
	};

	LabelKeys(IWorkbenchWindow window) {
		this.window = window;
		this.contexts = window.getService(IContextService.class);
		Display display = window.getShell().getDisplay();
		display.addFilter(SWT.FocusIn, focusListener);
		window.getPartService().addPartListener(partListener);
		window.getShell().addDisposeListener(e -> display.removeFilter(SWT.FocusIn, focusListener));
		update();
	}

	/** Updates after the event: part activation follows the focus change. */
	private void schedule() {
		if (scheduled || window.getShell() == null || window.getShell().isDisposed()) {
			return;
		}
		scheduled = true;
		window.getShell().getDisplay().asyncExec(() -> {
			scheduled = false;
			update();
		});
	}

	private void update() {
		if (window.getShell() == null || window.getShell().isDisposed()) {
			return;
		}
		boolean on = idxPartActive() && !takesTyping(window.getShell().getDisplay().getFocusControl());
		if (on && activation == null) {
			activation = contexts.activateContext(CONTEXT);
		} else if (!on && activation != null) {
			contexts.deactivateContext(activation);
			activation = null;
		}
	}

	private boolean idxPartActive() {
		if (window.getActivePage() == null) {
			return false;
		}
		IWorkbenchPart part = window.getActivePage().getActivePart();
		return part != null && part.getSite().getId().startsWith("org.idx.");
	}

	/**
	 * @param control the focus control
	 * @return whether typing a digit there should type it
	 */
	static boolean takesTyping(Control control) {
		if (control == null) {
			return false;
		}
		return control instanceof Text || control instanceof Spinner
				|| control instanceof Combo combo && (combo.getStyle() & SWT.READ_ONLY) == 0
				|| control instanceof StyledText styled && styled.getEditable()
				|| control.getShell() != control.getDisplay().getActiveShell();
	}
}
