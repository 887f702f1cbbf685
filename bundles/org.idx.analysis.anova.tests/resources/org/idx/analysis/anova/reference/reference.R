# SPDX-License-Identifier: GPL-3.0-or-later
# Reference values for AnovaReferenceTest, from R (stats and rstatix). Run from this directory:
#   Rscript reference.R
# Writes anova-input.csv (one seeded table holding several scenarios, each a value column
# <s>_v and a group column <s>_g, padded with NA to the longest), anova-expected.txt ("key value"
# lines; NA where R gives none) and format-expected.txt (numbers and R's as.character of them,
# tab-separated, for the labels of numeric grouping columns).
suppressPackageStartupMessages(library(rstatix))
set.seed(20240611)
scen <- list()
# balanced, 4 groups of 12, no ties: exact Wilcoxon
scen$bal <- data.frame(g = rep(c("ctrl", "siA", "siB", "siC"), each = 12),
                       v = c(rnorm(12, 10, 2), rnorm(12, 12, 2), rnorm(12, 9, 2), rnorm(12, 10.5, 2)))
# unbalanced, unequal variances, ties (2 decimals), NA values and NA groups, a group of 60
sizes <- c(A = 5, B = 9, C = 20, D = 60, E = 35)
sds <- c(1, 2, 0.5, 3, 1.5)
means <- c(5, 6, 5.5, 7, 4)
g <- rep(names(sizes), sizes)
v <- round(unlist(mapply(function(n, m, s) rnorm(n, m, s), sizes, means, sds)), 2)
v[c(3, 40, 77)] <- NA
g[c(15, 100)] <- NA
scen$unb <- data.frame(g = g, v = v)
# small groups: 3, 4, 5
scen$small <- data.frame(g = rep(c("g1", "g2", "g3"), c(3, 4, 5)), v = rnorm(12, rep(c(1, 2, 1.5), c(3, 4, 5))))
# two skewed groups: Kruskal-Wallis path
scen$two <- data.frame(g = rep(c("kd", "wt"), c(25, 40)), v = c(rlnorm(25, 1, 0.9), rlnorm(40, 1.4, 0.9)))
# 42 groups with a numeric grouping column (0.5, 1, ..., 21), equal variances
k <- 42
sizes <- sample(6:12, k, replace = TRUE)
codes <- rep(seq_len(k) / 2, sizes)
scen$many <- data.frame(g = codes, v = rnorm(length(codes), 20 + sin(codes), 1.5))
# heavy ties: integer scores
scen$ties <- data.frame(g = rep(c("low", "mid", "high"), c(15, 18, 20)),
                        v = c(sample(1:6, 15, TRUE, prob = c(3, 3, 2, 1, 1, 1)), sample(1:6, 18, TRUE),
                              sample(1:6, 20, TRUE, prob = c(1, 1, 1, 2, 3, 3))))

rows <- max(sapply(scen, nrow))
num <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
out <- data.frame(row = seq_len(rows))
for (s in names(scen)) {
  d <- scen[[s]]
  pad <- rows - nrow(d)
  gcol <- if (is.numeric(d$g)) num(d$g) else ifelse(is.na(d$g), "NA", d$g)
  out[[paste0(s, "_v")]] <- c(num(d$v), rep("NA", pad))
  out[[paste0(s, "_g")]] <- c(gcol, rep("NA", pad))
}
write.csv(out, "anova-input.csv", row.names = FALSE, quote = FALSE)
x <- read.csv("anova-input.csv") # read back what was written so R and IDX see identical numbers

con <- file("anova-expected.txt", "w")
put <- function(key, value) {
  text <- if (is.character(value)) value else if (is.na(value)) "NA" else sprintf("%.17g", value)
  writeLines(paste(key, text), con)
}
alpha <- 0.05
for (s in names(scen)) {
  d <- data.frame(v = x[[paste0(s, "_v")]], g = x[[paste0(s, "_g")]])
  d <- d[!is.na(d$v) & !is.na(d$g), ]
  d$g <- factor(d$g)
  lev <- levels(d$g)
  k <- length(lev)
  put(paste0(s, ".n_total"), nrow(d))
  put(paste0(s, ".n_groups"), k)
  normal <- TRUE
  for (l in lev) {
    y <- d$v[d$g == l]
    p <- function(f, val) put(sprintf("%s.group.%s.%s", s, l, f), val)
    p("n", length(y)); p("mean", mean(y)); p("sd", sd(y)); p("median", median(y))
    sw <- if (length(y) >= 3 && length(y) <= 5000 && diff(range(y)) > 0) shapiro.test(y) else NULL
    put(sprintf("%s.shapiro.%s.W", s, l), if (is.null(sw)) NA else unname(sw$statistic))
    put(sprintf("%s.shapiro.%s.p", s, l), if (is.null(sw)) NA else sw$p.value)
    if (length(y) < 30 && !is.null(sw) && sw$p.value < alpha) normal <- FALSE
  }
  b <- bartlett.test(v ~ g, d)
  put(paste0(s, ".bartlett.statistic"), unname(b$statistic))
  put(paste0(s, ".bartlett.df"), unname(b$parameter))
  put(paste0(s, ".bartlett.p"), b$p.value)
  a <- anova(lm(v ~ g, d))
  put(paste0(s, ".anova.F"), a$`F value`[1]); put(paste0(s, ".anova.df1"), a$Df[1])
  put(paste0(s, ".anova.df2"), a$Df[2]); put(paste0(s, ".anova.p"), a$`Pr(>F)`[1])
  put(paste0(s, ".anova.ss_between"), a$`Sum Sq`[1]); put(paste0(s, ".anova.ss_within"), a$`Sum Sq`[2])
  w <- oneway.test(v ~ g, d, var.equal = FALSE)
  put(paste0(s, ".welch.F"), unname(w$statistic)); put(paste0(s, ".welch.df1"), unname(w$parameter[1]))
  put(paste0(s, ".welch.df2"), unname(w$parameter[2])); put(paste0(s, ".welch.p"), w$p.value)
  kw <- kruskal.test(v ~ g, d)
  put(paste0(s, ".kruskal.H"), unname(kw$statistic)); put(paste0(s, ".kruskal.df"), unname(kw$parameter))
  put(paste0(s, ".kruskal.p"), kw$p.value)
  for (m in c("none", "holm", "BH")) {
    pw <- suppressWarnings(pairwise.wilcox.test(d$v, d$g, p.adjust.method = m))$p.value
    for (i in 1:(k - 1)) for (j in (i + 1):k) put(sprintf("%s.wilcox.%s.%s|%s", s, m, lev[i], lev[j]), pw[lev[j], lev[i]])
  }
  th <- TukeyHSD(aov(v ~ g, d))$g
  for (i in 1:(k - 1)) for (j in (i + 1):k) {
    r <- th[paste0(lev[j], "-", lev[i]), ]
    key <- sprintf("%s.tukey.%s|%s.", s, lev[i], lev[j])
    put(paste0(key, "diff"), r[["diff"]]); put(paste0(key, "lwr"), r[["lwr"]])
    put(paste0(key, "upr"), r[["upr"]]); put(paste0(key, "p_adj"), r[["p adj"]])
  }
  # Games-Howell: rstatix::games_howell_test rounds nothing in estimate/conf but we recompute t,
  # df, p and the interval at full precision with the same formulas and check they agree.
  gh <- games_howell_test(d, v ~ g)
  n <- tapply(d$v, d$g, length); m <- tapply(d$v, d$g, mean); va <- tapply(d$v, d$g, var)
  for (i in 1:(k - 1)) for (j in (i + 1):k) {
    se2 <- va[[i]] / n[[i]] + va[[j]] / n[[j]]
    est <- m[[j]] - m[[i]]
    t <- abs(est) / sqrt(se2)
    df <- se2^2 / ((va[[i]] / n[[i]])^2 / (n[[i]] - 1) + (va[[j]] / n[[j]])^2 / (n[[j]] - 1))
    pv <- ptukey(t * sqrt(2), k, df, lower.tail = FALSE)
    half <- qtukey(0.95, k, df) * sqrt(se2 / 2)
    row <- gh[gh$group1 == lev[i] & gh$group2 == lev[j], ]
    stopifnot(nrow(row) == 1, abs(row$estimate - est) < 1e-9, abs(row$conf.low - (est - half)) < 1e-9,
              abs(row$p.adj - pv) < 1e-3)
    key <- sprintf("%s.gh.%s|%s.", s, lev[i], lev[j])
    put(paste0(key, "estimate"), est); put(paste0(key, "conf_low"), est - half)
    put(paste0(key, "conf_high"), est + half); put(paste0(key, "t"), t)
    put(paste0(key, "df"), df); put(paste0(key, "p_adj"), pv)
  }
  equal <- b$p.value >= alpha
  put(paste0(s, ".decision.normal"), tolower(as.character(normal)))
  put(paste0(s, ".decision.equal_variance"), tolower(as.character(equal)))
  put(paste0(s, ".decision.test"), if (!normal) "kruskal" else if (equal) "anova" else "welch")
  put(paste0(s, ".decision.posthoc"), if (!normal) "wilcox" else if (equal) "tukey" else "games_howell")
}
close(con)

f <- c(1, 2.5, 0.5, 100000, 123456, 0.1 + 0.2, 1e-5, 0.0001, 0.001, 1234567.1, 1e15, 1e16, 123456789012,
       1/3, -2/3, -0.25, 2^60, 1e-300, 1.5e300, 3.14159265358979, 99999.5, 1e5 + 0.1, 12345678901234567)
writeLines(paste(sprintf("%.17g", f), as.character(f), sep = "\t"), "format-expected.txt")
