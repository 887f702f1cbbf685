// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code idx methods [--json]}: the registered analysis methods (none until the analysis bundles are installed). */
record MethodsCommand(boolean json) implements Command {

	static MethodsCommand parse(List<String> args) throws CommandException {
		boolean json = false;
		for (String arg : args) {
			if (arg.equals("--json")) {
				json = true;
			} else {
				throw CommandException.usage("unknown argument '" + arg + "' for methods");
			}
		}
		return new MethodsCommand(json);
	}

	@Override
	public void execute(PrintStream out) {
		out.println(json ? "[]" : "No analysis methods are installed.");
	}
}
