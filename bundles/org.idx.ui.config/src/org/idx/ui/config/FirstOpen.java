// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.config;

import java.nio.file.Files;
import java.util.function.Consumer;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.idx.core.ColumnRole;
import org.idx.core.ColumnRoles;
import org.idx.io.config.DatasetConfiguration;
import org.idx.ui.dataset.Dataset;
import org.osgi.service.prefs.BackingStoreException;

/**
 * When to offer the first-open wizard: the table's image column or its anchors were not recognised, no
 * configuration file sits beside it, and the user has not asked never to be asked again.
 */
public final class FirstOpen {

	/** The preference node of this bundle. */
	public static final String NODE = "org.idx.ui.config";
	/** The boolean preference: offer the wizard for tables whose roles were not recognised (default true). */
	public static final String ASK = "askOnFirstOpen";

	private FirstOpen() {
	}

	/**
	 * @param dataset a dataset just read
	 * @return whether to offer the wizard
	 */
	static boolean shouldAsk(Dataset dataset) {
		if (!preferences().getBoolean(ASK, true)) {
			return false;
		}
		if (Files.exists(DatasetConfiguration.besideTable(dataset.source()))) {
			return false;
		}
		return incomplete(dataset.table().roles());
	}

	/**
	 * @param roles a role assignment
	 * @return whether it lacks the image column or an anchor (x or y)
	 */
	static boolean incomplete(ColumnRoles roles) {
		return roles.column(ColumnRole.IMAGE).isEmpty() || roles.column(ColumnRole.ANCHOR_X).isEmpty()
				|| roles.column(ColumnRole.ANCHOR_Y).isEmpty();
	}

	/**
	 * Opens the wizard (without blocking the caller); its result goes to {@code onFinish} when the user
	 * presses Finish.
	 *
	 * @param shell    the parent shell
	 * @param dataset  the dataset
	 * @param onFinish told the chosen configuration
	 */
	static void ask(Shell shell, Dataset dataset, Consumer<ConfigurationWizard.Result> onFinish) {
		ConfigurationWizard wizard = new ConfigurationWizard(dataset, onFinish);
		WizardDialog dialog = new WizardDialog(shell, wizard);
		dialog.setBlockOnOpen(false);
		dialog.open();
	}

	/** @return this bundle's instance preferences */
	static IEclipsePreferences preferences() {
		return InstanceScope.INSTANCE.getNode(NODE);
	}

	/**
	 * @param ask whether to offer the wizard for tables whose roles were not recognised
	 */
	public static void setAsk(boolean ask) {
		preferences().putBoolean(ASK, ask);
		try {
			preferences().flush();
		} catch (BackingStoreException e) {
			ILog.of(FirstOpen.class).log(Status.warning("The 'ask on first open' preference could not be saved.", e));
		}
	}
}
