# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reference values for org.idx.stats, computed with R (stats) and rstatix.
# Regenerate (from this directory):  Rscript reference.R
# Writes inputs.csv, expected.csv, ptukey.csv and qtukey.csv next to this script.
# The data are generated here from fixed seeds; numbers are written with 17 significant digits.

suppressPackageStartupMessages(library(rstatix))
RNGkind("Mersenne-Twister", "Inversion", "Rejection")

fmt <- function(x) {
  if (is.logical(x)) return(ifelse(is.na(x), "NA", ifelse(x, "true", "false")))
  if (is.character(x)) return(x)
  ifelse(is.finite(x), sprintf("%.17g", x), ifelse(is.na(x), "NA", ifelse(x > 0, "Inf", "-Inf")))
}

make_cases <- function() {
  cases <- list()
  add <- function(name, group, value) cases[[name]] <<- data.frame(group = group, value = value,
                                                                   stringsAsFactors = FALSE)
  set.seed(1)
  add("balanced", rep(c("A", "B", "C", "D"), each = 10),
      rnorm(40, mean = rep(c(10, 11, 10.5, 12), each = 10), sd = 1.5))
  set.seed(2)
  n <- c(3, 4, 5, 8, 12)
  add("unbalanced", rep(c("g1", "g2", "g3", "g4", "g5"), n),
      rnorm(sum(n), mean = rep(c(5, 6, 5.5, 7, 6), n), sd = rep(c(0.5, 1, 2, 1.5, 3), n)))
  set.seed(3)
  add("small", rep(c("a", "b", "c", "d"), c(3, 3, 4, 5)), rnorm(15, mean = rep(1:4, c(3, 3, 4, 5))))
  set.seed(4)
  add("ties", rep(c("x", "y", "z"), each = 15), rpois(45, lambda = rep(c(4, 6, 5), each = 15)))
  set.seed(5)
  v <- rnorm(36, mean = rep(c(20, 22, 21), each = 12), sd = 2)
  g <- rep(c("P", "Q", "R"), each = 12)
  v[c(2, 15, 30)] <- NA
  g[c(5, 20)] <- NA
  add("na", g, v)
  set.seed(6)
  add("two_groups", rep(c("ctrl", "treated"), c(6, 9)), rnorm(15, mean = rep(c(0, 1.2), c(6, 9))))
  set.seed(7)
  k <- 45
  sizes <- 5 + (seq_len(k) %% 8)
  names <- sprintf("G%02d", seq_len(k))
  add("many_groups", rep(names, sizes),
      rnorm(sum(sizes), mean = rep(seq(0, 3, length.out = k), sizes), sd = rep(1 + (seq_len(k) %% 3) / 2, sizes)))
  set.seed(8)
  sizes <- c(60, 75, 5200)
  add("large", rep(c("L1", "L2", "L3"), sizes), rnorm(sum(sizes), mean = rep(c(0, 0.3, 0.1), sizes)))
  set.seed(9)
  add("skewed", rep(c("s1", "s2", "s3"), each = 20), rlnorm(60, meanlog = rep(c(0, 0.5, 0.3), each = 20)))
  add("degenerate", c("one", "const", "const", "const", "v", "v", "v", "v"),
      c(3, 5, 5, 5, 1.5, 2.25, 4, 3.5))
  set.seed(10)
  add("unequal_var", rep(c("u1", "u2", "u3", "u4"), c(25, 40, 35, 50)),
      rnorm(150, mean = rep(c(1, 1.4, 0.8, 1.1), c(25, 40, 35, 50)), sd = rep(c(0.3, 1, 2, 0.6), c(25, 40, 35, 50))))
  cases
}

safe <- function(expr) tryCatch(expr, error = function(e) NULL)

expected_for <- function(name, data, alpha = 0.05) {
  out <- list()
  put <- function(section, key, field, value) {
    out[[length(out) + 1]] <<- data.frame(case = name, section = section, key = key, field = field,
                                          value = fmt(value), stringsAsFactors = FALSE)
  }
  d <- data[complete.cases(data), ]
  lev <- sort(unique(d$group), method = "radix")
  d$group <- factor(d$group, levels = lev)
  x <- split(d$value, d$group)
  put("", "", "n_total", nrow(d))
  put("", "", "n_groups", length(lev))
  for (l in lev) {
    put("groups", l, "n", length(x[[l]]))
    put("groups", l, "mean", mean(x[[l]]))
    put("groups", l, "sd", if (length(x[[l]]) > 1) sd(x[[l]]) else NA)
    put("groups", l, "median", median(x[[l]]))
    sw <- if (length(x[[l]]) >= 3 && length(x[[l]]) <= 5000) safe(shapiro.test(x[[l]])) else NULL
    put("shapiro", l, "W", if (is.null(sw)) NA else sw$statistic)
    put("shapiro", l, "p", if (is.null(sw)) NA else sw$p.value)
  }
  bt <- safe(bartlett.test(value ~ group, data = d))
  put("bartlett", "", "statistic", if (is.null(bt)) NA else bt$statistic)
  put("bartlett", "", "df", if (is.null(bt)) NA else bt$parameter)
  put("bartlett", "", "p", if (is.null(bt)) NA else bt$p.value)
  fit <- aov(value ~ group, data = d)
  tab <- summary(fit)[[1]]
  put("anova", "", "F", tab[1, "F value"])
  put("anova", "", "df1", tab[1, "Df"])
  put("anova", "", "df2", tab[2, "Df"])
  put("anova", "", "p", tab[1, "Pr(>F)"])
  put("anova", "", "ss_between", tab[1, "Sum Sq"])
  put("anova", "", "ss_within", tab[2, "Sum Sq"])
  wt <- safe(suppressWarnings(oneway.test(value ~ group, data = d, var.equal = FALSE)))
  ok <- !is.null(wt) && is.finite(wt$statistic)
  put("welch", "", "F", if (ok) wt$statistic else NA)
  put("welch", "", "df1", if (ok) wt$parameter[1] else NA)
  put("welch", "", "df2", if (ok) wt$parameter[2] else NA)
  put("welch", "", "p", if (ok) wt$p.value else NA)
  kt <- kruskal.test(value ~ group, data = d)
  put("kruskal", "", "H", kt$statistic)
  put("kruskal", "", "df", kt$parameter)
  put("kruskal", "", "p", kt$p.value)
  pairs <- combn(seq_along(lev), 2)
  key <- function(i, j) paste(lev[i], lev[j], sep = "|")
  for (method in c("none", "holm", "BH")) {
    pw <- suppressWarnings(pairwise.wilcox.test(d$value, d$group, p.adjust.method = method))$p.value
    for (c in seq_len(ncol(pairs))) {
      i <- pairs[1, c]; j <- pairs[2, c]
      put(paste0("pairwise_wilcox/", method), key(i, j), "p", pw[lev[j], lev[i]])
    }
  }
  th <- TukeyHSD(fit, conf.level = 0.95)$group
  for (c in seq_len(ncol(pairs))) {
    i <- pairs[1, c]; j <- pairs[2, c]
    row <- th[paste(lev[j], lev[i], sep = "-"), ]
    put("tukey_hsd", key(i, j), "diff", row[["diff"]])
    put("tukey_hsd", key(i, j), "lwr", row[["lwr"]])
    put("tukey_hsd", key(i, j), "upr", row[["upr"]])
    put("tukey_hsd", key(i, j), "p_adj", row[["p adj"]])
  }
  # rstatix rounds p.adj (to 3 decimals above 0.001): record the unrounded value, computed with
  # ptukey from rstatix's own statistic and df, and check that rstatix's value is its rounding.
  # For a group with a single value the variance is undefined: rstatix still prints numbers
  # there, the report has null.
  gh <- suppressWarnings(as.data.frame(games_howell_test(d, value ~ group, detailed = TRUE)))
  for (c in seq_len(ncol(pairs))) {
    i <- pairs[1, c]; j <- pairs[2, c]
    row <- gh[gh$group1 == lev[i] & gh$group2 == lev[j], ]
    defined <- length(x[[i]]) > 1 && length(x[[j]]) > 1
    p <- ptukey(sqrt(2) * row$statistic, length(lev), row$df, lower.tail = FALSE)
    if (defined) stopifnot(abs(p - row$p.adj) <= 5e-4 + 1e-12)
    na <- function(v) if (defined) v else NA
    put("games_howell", key(i, j), "estimate", row$estimate)
    put("games_howell", key(i, j), "conf_low", na(row$conf.low))
    put("games_howell", key(i, j), "conf_high", na(row$conf.high))
    put("games_howell", key(i, j), "t", na(row$statistic))
    put("games_howell", key(i, j), "df", na(row$df))
    put("games_howell", key(i, j), "p_adj", na(p))
  }
  # Decision rule (cli.md): Shapiro-Wilk in groups with n < 30; an untestable group is not
  # counted as non-normal; an undefined Bartlett test counts as unequal variances.
  small <- lev[sapply(x, length) < 30]
  sw_p <- sapply(small, function(l) {
    s <- if (length(x[[l]]) >= 3) safe(shapiro.test(x[[l]])) else NULL
    if (is.null(s)) NA else s$p.value
  })
  normal <- !any(sw_p < alpha, na.rm = TRUE)
  equal_var <- !is.null(bt) && is.finite(bt$p.value) && bt$p.value >= alpha && is.finite(bt$statistic)
  put("decision", "", "normal", normal)
  put("decision", "", "equal_variance", equal_var)
  put("decision", "", "test", if (!normal) "kruskal" else if (equal_var) "anova" else "welch")
  put("decision", "", "posthoc", if (!normal) "wilcox" else if (equal_var) "tukey" else "games_howell")
  do.call(rbind, out)
}

cases <- make_cases()
inputs <- do.call(rbind, lapply(names(cases), function(n)
  data.frame(case = n, group = ifelse(is.na(cases[[n]]$group), "NA", cases[[n]]$group),
             value = fmt(cases[[n]]$value), stringsAsFactors = FALSE)))
write.csv(inputs, "inputs.csv", row.names = FALSE, quote = FALSE)
expected <- do.call(rbind, lapply(names(cases), function(n) expected_for(n, cases[[n]])))
write.csv(expected, "expected.csv", row.names = FALSE, quote = FALSE)

grid <- expand.grid(q = c(0.5, 1, 2, 3, 3.5, 4, 5, 6, 8), nmeans = c(2, 3, 5, 10, 20, 50),
                    df = c(2, 5, 10, 20, 60, 200, 1000, 30000, Inf))
grid$lower <- ptukey(grid$q, grid$nmeans, grid$df)
grid$upper <- ptukey(grid$q, grid$nmeans, grid$df, lower.tail = FALSE)
write.csv(data.frame(lapply(grid, fmt)), "ptukey.csv", row.names = FALSE, quote = FALSE)
qgrid <- expand.grid(p = c(0.5, 0.9, 0.95, 0.99), nmeans = c(2, 3, 5, 10, 20, 50),
                     df = c(2, 5, 10, 20, 60, 200, 1000, 30000, Inf))
qgrid$q <- qtukey(qgrid$p, qgrid$nmeans, qgrid$df)
# Exact for two means: the studentized range of 2 is sqrt(2) |t|.
qgrid$q_exact <- ifelse(qgrid$nmeans == 2, sqrt(2) * qt((1 + qgrid$p) / 2, qgrid$df), NA)
write.csv(data.frame(lapply(qgrid, fmt)), "qtukey.csv", row.names = FALSE, quote = FALSE)
