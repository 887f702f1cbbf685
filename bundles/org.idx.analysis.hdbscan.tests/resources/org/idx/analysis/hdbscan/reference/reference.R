# SPDX-License-Identifier: GPL-3.0-or-later
# Reference labels for HdbscanReferenceTest, from R's dbscan::hdbscan (dbscan 1.1-11 here).
# Run from this directory:  Rscript reference.R
# For each data set NAME writes NAME.csv (the input: seeded points, NA in a few rows) and
# NAME-labels.txt (one line per table row: R's cluster, 0 = noise, NA for incomplete rows),
# and prints the number of clusters and noise points.
library(dbscan)

write_case <- function(name, x, minPts, scale = FALSE) {
  d <- ncol(x)
  colnames(x) <- paste0("x", seq_len(d))
  x <- as.data.frame(x)
  # a few incomplete rows: R clusters only the complete ones
  x[[1]][c(3, 250)] <- NA
  x[[d]][c(250, nrow(x) - 1)] <- NA
  text <- x
  for (col in names(x)) text[[col]] <- ifelse(is.na(x[[col]]), "NA", sprintf("%.17g", x[[col]]))
  write.csv(text, paste0(name, ".csv"), row.names = FALSE, quote = FALSE)
  x <- read.csv(paste0(name, ".csv"))
  complete <- complete.cases(x)
  m <- as.matrix(x[complete, ])
  if (scale) m <- scale(m)
  fit <- hdbscan(m, minPts = minPts)
  labels <- rep(NA_integer_, nrow(x))
  labels[complete] <- fit$cluster
  writeLines(ifelse(is.na(labels), "NA", as.character(labels)), paste0(name, "-labels.txt"))
  cat(sprintf("%s: n = %d, minPts = %d, clusters = %d, noise = %d\n", name, sum(complete), minPts,
              length(unique(fit$cluster[fit$cluster > 0])), sum(fit$cluster == 0)))
}

blobs <- function(centers, sds, sizes, d, noise, range) {
  parts <- lapply(seq_along(sizes), function(i)
    matrix(rnorm(sizes[i] * d, sd = sds[i]), sizes[i], d) + matrix(centers[i, ], sizes[i], d, byrow = TRUE))
  uniform <- matrix(runif(noise * d, range[1], range[2]), noise, d)
  x <- do.call(rbind, c(parts, list(uniform)))
  x[sample(nrow(x)), , drop = FALSE]
}

# 2-D: four blobs of different densities and sizes, uniform noise
set.seed(20261122)
write_case("blobs2d", blobs(rbind(c(0, 0), c(6, 1), c(2, 7), c(9, 8)), c(0.4, 0.9, 1.3, 0.25),
                            c(500, 350, 300, 120), 2, 180, c(-4, 13)), minPts = 10)

# 2-D, small min-points: six blobs, two of them close, denser noise
set.seed(7)
write_case("close2d", blobs(rbind(c(0, 0), c(2.2, 0), c(8, 0), c(0, 8), c(8, 8), c(4, 4)),
                            c(0.5, 0.5, 1, 0.7, 0.3, 1.5), c(250, 250, 300, 200, 120, 300), 2, 250, c(-3, 11)),
           minPts = 5)

# 5-D: five blobs of different spreads, noise
set.seed(99)
centers <- matrix(runif(5 * 5, -10, 10), 5, 5)
write_case("blobs5d", blobs(centers, c(0.8, 1.5, 1, 2, 0.6), c(400, 300, 250, 200, 150), 5, 120, c(-14, 14)),
           minPts = 15)

# 3-D on very different column scales, clustered after scale()
set.seed(3)
x <- blobs(rbind(c(0, 0, 0), c(4, 4, 0), c(0, 4, 4), c(4, 0, 4)), c(0.6, 0.8, 0.5, 1), c(300, 300, 200, 250), 3, 100, c(-3, 7))
x[, 2] <- x[, 2] * 1000
x[, 3] <- x[, 3] / 100 + 50
write_case("scaled3d", x, minPts = 12, scale = TRUE)
