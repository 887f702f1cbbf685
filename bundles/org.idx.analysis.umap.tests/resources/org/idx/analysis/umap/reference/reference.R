# SPDX-License-Identifier: GPL-3.0-or-later
# Reference values for UmapReferenceTest, from R's uwot (0.1.14 here), which is not needed by the test.
# Run from this directory:  Rscript reference.R
# Writes
#   umap-input.csv.gz   4,500 seeded rows: 12 overlapping Gaussian clusters in a 6-dimensional latent
#                       space mapped into 16 columns on different scales plus noise; a label column
#                       "group" (the cluster, NA in 5% of rows); NA in a few feature values
#   umap-uwot.csv.gz    uwot's embedding (seed 1) of the complete rows, to check the Java trustworthiness
#   umap-expected.txt   "key value" lines: n, uwot's trustworthiness at k = 10 for seeds 1-3 and their
#                       mean, the same for supervised UMAP (y = factor(group)) with its label purity
# uwot settings: the contract's defaults, n_neighbors = 15, min_dist = 0.1, scale = TRUE (columns to
# mean 0 and unit variance, as IDX's scale = true), init = "spectral" (uwot's default), 500 epochs
# (n <= 10,000), exact neighbours below 4,096 rows else Annoy.
suppressMessages({ library(uwot); library(dbscan) })
set.seed(20261122)
n <- 4500; p <- 16; latent <- 6; k <- 12
centers <- matrix(rnorm(k * latent, sd = 2.2), k, latent)
mix <- matrix(rnorm(latent * p), latent, p)
g <- sample.int(k, n, replace = TRUE)
z <- centers[g, ] + matrix(rnorm(n * latent), n, latent)
x <- z %*% mix + matrix(rnorm(n * p, sd = 0.5), n, p)
x <- sweep(x, 2, seq_len(p), "*")
x <- sweep(x, 2, 10 * seq_len(p), "+")
colnames(x) <- sprintf("f%02d", seq_len(p))
d <- data.frame(x)
d$group <- ifelse(runif(n) < 0.05, NA, sprintf("g%02d", g))
d$f03[c(7, 1500)] <- NA
d$f11[c(1500, 4321)] <- NA
text <- d
for (col in colnames(x)) text[[col]] <- ifelse(is.na(d[[col]]), "NA", sprintf("%.7g", d[[col]]))
text$group <- ifelse(is.na(d$group), "NA", d$group)
con <- gzfile("umap-input.csv.gz", "w")
write.csv(text, con, row.names = FALSE, quote = FALSE)
close(con)

d <- read.csv("umap-input.csv.gz")
complete <- complete.cases(d[, colnames(x)])
xs <- scale(as.matrix(d[complete, colnames(x)]))
group <- factor(d$group[complete])

# Trustworthiness (Venna and Kaski 2001; sklearn.manifold.trustworthiness): rank r(i, j) of j among
# the other points by distance to i in the input (1 = nearest); U(i) = the k nearest neighbours of
# i in the embedding; T = 1 - 2 / (n k (2n - 3k - 1)) * sum_i sum_{j in U(i)} max(0, r(i, j) - k).
trust <- function(X, E, k = 10) {
  n <- nrow(X)
  D <- as.matrix(dist(X))
  diag(D) <- Inf
  nn <- dbscan::kNN(E, k)$id
  t <- 0
  for (i in seq_len(n)) {
    r <- rank(D[i, ], ties.method = "first")[nn[i, ]] - k
    t <- t + sum(r[r > 0])
  }
  1 - t * 2 / (n * k * (2 * n - 3 * k - 1))
}
# Label purity: the share of the 10 nearest embedded neighbours of a labelled point with its label.
purity <- function(E, labels, k = 10) {
  nn <- dbscan::kNN(E, k)$id
  known <- which(!is.na(labels))
  mean(sapply(known, function(i) mean(labels[nn[i, ]] == labels[i], na.rm = TRUE)))
}

out <- file("umap-expected.txt", "w")
put <- function(key, value) writeLines(sprintf("%s %.17g", key, value), out)
put("n", nrow(xs))
put("uwot.version.minor", packageVersion("uwot")[[1, 3]])
trusts <- c(); strusts <- c(); purities <- c(); upurities <- c()
for (seed in 1:3) {
  set.seed(seed)
  t0 <- proc.time()[["elapsed"]]
  e <- umap(xs, n_neighbors = 15, min_dist = 0.1, verbose = FALSE)
  cat(sprintf("uwot seed %d: %.1f s\n", seed, proc.time()[["elapsed"]] - t0))
  if (seed == 1) {
    con <- gzfile("umap-uwot.csv.gz", "w")
    write.csv(data.frame(UMAP1 = sprintf("%.9g", e[, 1]), UMAP2 = sprintf("%.9g", e[, 2])), con, row.names = FALSE, quote = FALSE)
    close(con)
    e <- as.matrix(read.csv("umap-uwot.csv.gz"))
  }
  trusts[seed] <- trust(xs, e)
  upurities[seed] <- purity(e, group)
  put(sprintf("trust.seed%d", seed), trusts[seed])
  set.seed(seed)
  s <- umap(xs, n_neighbors = 15, min_dist = 0.1, y = group, verbose = FALSE)
  strusts[seed] <- trust(xs, s)
  purities[seed] <- purity(s, group)
  put(sprintf("supervised.trust.seed%d", seed), strusts[seed])
  put(sprintf("supervised.purity.seed%d", seed), purities[seed])
  put(sprintf("purity.seed%d", seed), upurities[seed])
}
put("trust.mean", mean(trusts))
put("supervised.trust.mean", mean(strusts))
put("supervised.purity.mean", mean(purities))
put("purity.mean", mean(upurities))
close(out)
