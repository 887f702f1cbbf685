# SPDX-License-Identifier: GPL-3.0-or-later
# Reference values for KMeansReferenceTest, from R's kmeans (Hartigan-Wong, best of 50 starts).
# Run from this directory:  Rscript reference.R
# Writes kmeans-input.csv (2,000 seeded rows: 6 overlapping Gaussian blobs in 5 columns on
# different scales, NA in a few rows) and kmeans-expected.txt ("key value" lines).
set.seed(424242)
n <- 2000
centers <- matrix(rnorm(6 * 5, sd = 2.2), 6, 5)
blob <- sample(1:6, n, replace = TRUE, prob = c(0.3, 0.25, 0.15, 0.12, 0.1, 0.08))
m <- centers[blob, ] + matrix(rnorm(n * 5), n, 5)
x <- data.frame(a = m[, 1], b = 100 * m[, 2], c = 0.01 * m[, 3] + 5, d = m[, 4], e = m[, 5] * 3 - 7)
x$b[c(10, 500)] <- NA
x$e[c(500, 1999)] <- NA
text <- x
for (col in names(x)) text[[col]] <- ifelse(is.na(x[[col]]), "NA", sprintf("%.17g", x[[col]]))
write.csv(text, "kmeans-input.csv", row.names = FALSE, quote = FALSE)
x <- read.csv("kmeans-input.csv")
complete <- complete.cases(x)
s <- scale(x[complete, ])
out <- file("kmeans-expected.txt", "w")
put <- function(key, value) writeLines(sprintf("%s %.17g", key, value), out)
put("n", sum(complete))
for (k in c(3, 6, 10)) {
  set.seed(k)
  fit <- kmeans(s, k, nstart = 50, iter.max = 100)
  put(sprintf("k%d.tot_withinss", k), fit$tot.withinss)
  put(sprintf("k%d.totss", k), fit$totss)
  put(sprintf("k%d.ratio", k), fit$tot.withinss / fit$totss)
}
u <- as.matrix(x[complete, ])
set.seed(1)
fit <- kmeans(u, 4, nstart = 50, iter.max = 100)
put("unscaled.k4.ratio", fit$tot.withinss / fit$totss)
put("unscaled.k4.totss", fit$totss)
close(out)
