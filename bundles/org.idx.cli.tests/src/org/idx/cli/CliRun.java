// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One run of the {@code idx} command in-process, as the launcher would run it.
 *
 * @param status the exit status
 * @param stdout what it printed on standard output
 * @param stderr what it printed on standard error
 */
record CliRun(int status, String stdout, String stderr) {

	static CliRun of(List<String> args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = CommandLineApplication.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}
}
