# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the input table and R's per-plate z-scores that PlateZScoreMethodTest compares with.
# Run: Rscript make-reference.R  (R 4.x, base only)
set.seed(7)
n <- 60
d <- data.frame(plate = rep(c("P1", "P2", "P3"), each = n / 3),
                group = rep(c("control", "kd", "kd", "other"), length.out = n),
                area = round(rnorm(n, 300, 40) + rep(c(0, 50, -30), each = n / 3), 3),
                intensity = round(rexp(n, 1 / 800), 3))
d$area[c(5, 33)] <- NA
d$plate[17] <- NA
write.csv(d, "input.csv", row.names = FALSE, na = "NA", quote = FALSE)
z <- function(x, ref, robust) {
  r <- x[ref & !is.na(x)]
  if (robust) (x - median(r)) / mad(r) else (x - mean(r)) / sd(r)
}
out <- data.frame(row = seq_len(n))
for (robust in c(FALSE, TRUE)) for (controls in c(FALSE, TRUE)) for (col in c("area", "intensity")) {
  v <- rep(NA_real_, n)
  for (p in unique(na.omit(d$plate))) {
    i <- which(d$plate == p)
    ref <- if (controls) d$group[i] == "control" else rep(TRUE, length(i))
    v[i] <- z(d[[col]][i], ref, robust)
  }
  out[[paste(col, if (robust) "robust" else "mean", if (controls) "controls" else "all", sep = "_")]] <- v
}
write.csv(out, "expected.csv", row.names = FALSE, na = "NA")
