# SPDX-License-Identifier: GPL-3.0-or-later
"""Independent reference for StudentizedRangeGridTest: SciPy's studentized_range (numerical
integration with its own error control) on the rows of ptukey-grid.csv (written by ptukey-grid.R)
with df < 15 and nmeans > 2, where R's ptukey cuts its integrals off and is off by up to a factor
of 4 in the upper tail (nmeans = 2 is checked against Student's t instead).
    cd bundles/org.idx.stats.tests/resources/org/idx/stats/reference && python3 ptukey-grid-scipy.py
Writes ptukey-grid-scipy.csv (q, nmeans, df, lower, upper) next to this script."""
import csv
import scipy
from scipy.stats import studentized_range

with open("ptukey-grid.csv", newline="") as f:
    rows = list(csv.DictReader(f))
with open("ptukey-grid-scipy.csv", "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["q", "nmeans", "df", "lower", "upper"])
    for row in rows:
        q, k, df = float(row["q"]), float(row["nmeans"]), float(row["df"])
        if df >= 15 or k == 2:
            continue
        lower = studentized_range.cdf(q, k, df)
        upper = studentized_range.sf(q, k, df)
        out.writerow([row["q"], row["nmeans"], row["df"], "%.17g" % lower, "%.17g" % upper])
print("scipy", scipy.__version__)
