# SPDX-License-Identifier: GPL-3.0-or-later
# Reference values for ConfusionReferenceTest, from R caret::confusionMatrix (caret 6.x, R 4.2).
# Run from this directory:  Rscript reference.R
# Writes one input table per case, case-NAME.csv (columns truth, prediction; NA for missing), and
# expected.txt with lines "CASE KEY VALUE" (VALUE NA where caret gives NA/NaN). IDX takes the levels as
# the union of both columns, sorted (numbers numerically, text in code-point order): the factors here
# get exactly those levels, so caret's default positive class (the first level) is IDX's.
suppressMessages(library(caret))
out <- file("expected.txt", "w")
put <- function(case, key, value) {
  writeLines(sprintf("%s %s %s", case, key, ifelse(is.na(value), "NA", sprintf("%.17g", value))), out)
}
record <- function(case, truth, prediction, positive = NULL, numeric = FALSE) {
  text <- data.frame(truth = ifelse(is.na(truth), "NA", as.character(truth)),
                     prediction = ifelse(is.na(prediction), "NA", as.character(prediction)))
  write.csv(text, sprintf("case-%s.csv", case), row.names = FALSE, quote = FALSE)
  values <- unique(c(as.character(truth[!is.na(truth)]), as.character(prediction[!is.na(prediction)])))
  levels <- if (numeric) as.character(sort(as.numeric(values))) else sort(values, method = "radix")
  t <- factor(as.character(truth), levels = levels)
  p <- factor(as.character(prediction), levels = levels)
  cm <- if (is.null(positive)) confusionMatrix(p, t, mode = "everything")
        else confusionMatrix(p, t, positive = positive, mode = "everything")
  put(case, "n", sum(cm$table))
  put(case, "levels", length(levels))
  writeLines(sprintf("%s levelnames %s", case, paste(levels, collapse = "|")), out)
  writeLines(sprintf("%s positive %s", case, ifelse(is.null(cm$positive), "NULL", cm$positive)), out)
  for (i in seq_along(levels)) for (j in seq_along(levels)) put(case, sprintf("table.%d.%d", i, j), cm$table[i, j])
  for (key in names(cm$overall)) put(case, paste0("overall.", key), cm$overall[[key]])
  if (length(levels) == 2) {
    for (key in names(cm$byClass)) put(case, sprintf("byClass.%s.%s", cm$positive, gsub(" ", "_", key)), cm$byClass[[key]])
  } else {
    for (i in seq_along(levels)) for (key in colnames(cm$byClass))
      put(case, sprintf("byClass.%s.%s", levels[i], gsub(" ", "_", key)), cm$byClass[i, key])
  }
}
set.seed(20261122)
noisy <- function(truth, classes, error) {
  wrong <- runif(length(truth)) < error
  ifelse(wrong, sample(classes, length(truth), replace = TRUE), truth)
}
# two classes, default positive (first level) and the second level as positive
truth <- sample(c("mitotic", "normal"), 300, replace = TRUE, prob = c(0.3, 0.7))
pred <- noisy(truth, c("mitotic", "normal"), 0.35)
record("two", truth, pred)
record("two-positive", truth, pred, positive = "normal")
# three classes, imbalanced
classes <- c("apoptotic", "interphase", "mitotic")
truth <- sample(classes, 500, replace = TRUE, prob = c(0.15, 0.6, 0.25))
record("three", truth, noisy(truth, classes, 0.4))
# five classes, one of them never predicted
classes <- c("A", "B", "C", "D", "E")
truth <- sample(classes, 400, replace = TRUE)
pred <- noisy(truth, classes, 0.5)
pred[pred == "D"] <- "B"
record("never-predicted", truth, pred)
# levels are the union: the prediction has a class the truth lacks, the truth one never predicted
truth <- sample(c("a", "b", "c"), 250, replace = TRUE)
pred <- noisy(truth, c("a", "b", "d"), 0.45)
pred[pred == "c"] <- "a"
record("union", truth, pred)
# NA rows are dropped (NA in the truth, the prediction or both); numeric class labels sort as numbers
truth <- sample(c(1, 2, 10), 300, replace = TRUE)
pred <- noisy(truth, c(1, 2, 10), 0.3)
truth[c(3, 50, 51, 200)] <- NA
pred[c(50, 120, 299)] <- NA
record("na-numeric", truth, pred, numeric = TRUE)
# a perfect two-class prediction: McNemar undefined, the interval reaches 1
truth <- sample(c("neg", "pos"), 40, replace = TRUE)
record("perfect", truth, truth)
# a small 2 x 2 table with an empty cell and an unbalanced off-diagonal
truth <- c(rep("x", 9), rep("y", 4))
pred <- c(rep("x", 5), rep("y", 4), rep("y", 4))
record("small", truth, pred, positive = "y")
# a larger multi-class table (accuracy p-value far below 1e-10)
classes <- c("c1", "c2", "c3", "c4")
truth <- sample(classes, 5000, replace = TRUE, prob = c(0.4, 0.3, 0.2, 0.1))
record("large", truth, noisy(truth, classes, 0.25))
# every prediction wrong: accuracy 0, the interval starts at 0, the p-value is 1
truth <- sample(c("p", "q"), 30, replace = TRUE)
record("all-wrong", truth, ifelse(truth == "p", "q", "p"))
close(out)
