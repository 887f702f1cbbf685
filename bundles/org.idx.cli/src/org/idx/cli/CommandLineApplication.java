// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/**
 * The headless {@code idx} command, started by the {@code idx} script with
 * {@code -application org.idx.cli.app}. Exit status as in spec/cli.md: 0 done, 1 internal
 * failure, 2 usage error, 3 bad input; the error is one readable line on stderr, with the
 * stack trace only under {@code --debug}.
 */
public final class CommandLineApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) {
		String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		context.applicationRunning();
		return run(args == null ? List.of() : Arrays.asList(args), System.out, System.err);
	}

	/** Runs one command; visible for tests. */
	static int run(List<String> args, PrintStream out, PrintStream err) {
		boolean debug = args.contains("--debug");
		List<String> rest = args.stream().filter(arg -> !arg.equals("--debug")).toList();
		try {
			Command command = Command.parse(rest);
			command.execute(out);
			out.flush();
			return ExitStatus.OK;
		} catch (CommandException e) {
			err.println("idx: " + e.getMessage());
			if (debug && e.getCause() != null) {
				e.getCause().printStackTrace(err);
			}
			return e.status();
		} catch (RuntimeException e) {
			err.println("idx: internal failure: " + e);
			if (debug) {
				e.printStackTrace(err);
			}
			return ExitStatus.INTERNAL;
		}
	}

	@Override
	public void stop() {
		// commands are short and not interruptible
	}
}
