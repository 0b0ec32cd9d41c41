// Area under the ROC curve: the probability that a random positive scores above a random
// negative, ties counting one half (the Mann–Whitney U statistic over n₊·n₋). Sorting once
// makes it O(n log n); tied scores share their average rank.

export function auc({ scores, labels }: { scores: ArrayLike<number>; labels: ArrayLike<number> }): number {
  const n = scores.length;
  if (labels.length !== n) throw new RangeError('scores and labels differ in length');
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(scores[i])) throw new RangeError(`scores[${i}] is NaN`);
    if (labels[i] !== 0 && labels[i] !== 1) throw new RangeError(`labels[${i}] must be 0 or 1`);
  }
  order.sort((a, b) => scores[a] - scores[b]);
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < n; ) {
    let end = start;
    while (end + 1 < n && scores[order[end + 1]] === scores[order[start]]) end++;
    const rank = (start + end) / 2 + 1; // ranks are 1-based
    for (let k = start; k <= end; k++) {
      if (labels[order[k]] === 1) {
        positives++;
        rankSum += rank;
      }
    }
    start = end + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
