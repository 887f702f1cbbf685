# SPDX-License-Identifier: GPL-3.0-or-later
# Reference values for StudentizedRangeGridTest: R's ptukey (both tails) over a grid of q,
# nmeans = 2..100 and df = 2..1e6 (df above 25000 is the infinite-df case in R), and for
# nmeans = 2 the exact value from Student's t (the range of two normals over s is sqrt(2) |t|).
#   cd bundles/org.idx.stats.tests/resources/org/idx/stats/reference && Rscript ptukey-grid.R
# Writes ptukey-grid.csv next to this script; numbers with 17 significant digits.

fmt <- function(x) ifelse(is.finite(x), sprintf("%.17g", x), ifelse(is.na(x), "NA", ifelse(x > 0, "Inf", "-Inf")))

grid <- expand.grid(q = c(0.1, 0.5, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 30, 50),
                    nmeans = c(2, 3, 4, 5, 6, 8, 10, 15, 20, 23, 30, 40, 50, 75, 100),
                    df = c(2, 3, 4, 5, 7, 10, 15, 20, 30, 50, 100, 200, 500, 1000, 5000, 20000, 25000,
                           30000, 1e5, 1e6))
grid$lower <- ptukey(grid$q, grid$nmeans, grid$df)
grid$upper <- ptukey(grid$q, grid$nmeans, grid$df, lower.tail = FALSE)
two <- grid$nmeans == 2
grid$upper_exact <- NA
grid$upper_exact[two] <- 2 * pt(grid$q[two] / sqrt(2), grid$df[two], lower.tail = FALSE)
write.csv(data.frame(lapply(grid, fmt)), "ptukey-grid.csv", row.names = FALSE, quote = FALSE)
