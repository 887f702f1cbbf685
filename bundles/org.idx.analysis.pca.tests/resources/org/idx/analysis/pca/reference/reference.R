# SPDX-License-Identifier: GPL-3.0-or-later
# Reference values for PcaReferenceTest, from R's prcomp. Run from this directory:
#   Rscript reference.R
# Writes pca-input.csv (the seeded test table: 6 correlated numeric columns a..f, NA in some rows,
# a text column) and pca-expected.txt ("key value" lines; scores of NA rows are NA).
set.seed(20240607)
n <- 300
z1 <- rnorm(n); z2 <- rnorm(n); z3 <- rnorm(n)
x <- data.frame(
  a = 10 + 3 * z1 + rnorm(n, sd = 0.5),
  b = -2 + 2 * z1 - 1.5 * z2 + rnorm(n, sd = 0.7),
  c = 100 + 40 * z2 + rnorm(n, sd = 9),
  d = 0.01 * z3 + 0.005 * z1 + rnorm(n, sd = 0.004),
  e = 5 * z3 - 2 * z2 + rnorm(n, sd = 2),
  f = rexp(n, 0.2) + z1)
x$c[c(4, 17, 250)] <- NA
x$e[c(17, 99)] <- NA
x$label <- sample(c("ctrl", "drug A", "drug B"), n, replace = TRUE)
text <- x
for (col in c("a", "b", "c", "d", "e", "f")) text[[col]] <- ifelse(is.na(x[[col]]), "NA", sprintf("%.17g", x[[col]]))
write.csv(text, "pca-input.csv", row.names = FALSE, quote = FALSE)
# read back what was written so R and IDX see identical numbers
x <- read.csv("pca-input.csv")
num <- x[, c("a", "b", "c", "d", "e", "f")]
complete <- complete.cases(num)
out <- file("pca-expected.txt", "w")
put <- function(key, value) writeLines(sprintf("%s %.17g", key, value), out)
for (scaled in c(TRUE, FALSE)) {
  prefix <- if (scaled) "scaled" else "unscaled"
  p <- prcomp(num[complete, ], scale. = scaled)
  put(paste0(prefix, ".n"), sum(complete))
  for (j in seq_along(p$sdev)) {
    put(sprintf("%s.sdev.%d", prefix, j), p$sdev[j])
    put(sprintf("%s.ratio.%d", prefix, j), p$sdev[j]^2 / sum(p$sdev^2))
    for (col in rownames(p$rotation)) put(sprintf("%s.loading.PC%d.%s", prefix, j, col), p$rotation[col, j])
  }
  scores <- matrix(NA, nrow(num), ncol(p$x))
  scores[complete, ] <- p$x
  for (j in 1:2) for (i in seq_len(nrow(num))) put(sprintf("%s.score.PC%d.%d", prefix, j, i - 1), scores[i, j])
}
close(out)
