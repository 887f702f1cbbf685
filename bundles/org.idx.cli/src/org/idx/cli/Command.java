// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.cli;

import java.io.PrintStream;
import java.util.List;

/** One sub-command of {@code idx}. */
interface Command {

	String USAGE = "idx info TABLE [--json] | idx methods [--json] | idx run METHOD --table TABLE [--param NAME=VALUE]... [--out-table FILE] [--report FILE.json] [--model-from SESSION [--model NAME]]";

	/** Writes the command's result to {@code out}. */
	void execute(PrintStream out) throws CommandException;

	/** @return the command the arguments ask for */
	static Command parse(List<String> args) throws CommandException {
		if (args.isEmpty()) {
			throw CommandException.usage("no command given");
		}
		List<String> rest = args.subList(1, args.size());
		return switch (args.get(0)) {
			case "info" -> InfoCommand.parse(rest);
			case "methods" -> MethodsCommand.parse(rest);
			case "run" -> RunCommand.parse(rest);
			default -> throw CommandException.usage("unknown command '" + args.get(0) + "'");
		};
	}
}
